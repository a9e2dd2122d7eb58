using System.Collections.ObjectModel;

namespace ShopLens.Learning.Recommenders;

/// <summary>
/// Frequently bought together: the pairwise association rules A → B of a set of baskets (Agrawal, Imieliński &amp;
/// Swami 1993), each row of the matrix one basket and its columns the items in it (weights ignored). Pairs only, so
/// every pair is counted exactly in one pass, with no Apriori candidate rounds: "with A, also B" is the question a
/// basket in progress asks.
/// </summary>
public sealed class AssociationRules : IRecommender
{
    internal const string Magic = "SLRECFBT";
    const int FormatVersion = 1;
    const string Label = "bought-together";

    readonly AssociationRule[][] _rules;

    AssociationRules(AssociationRule[][] rules) => _rules = rules;

    public string Name => "bought_together";

    public int Items => _rules.Length;

    /// <summary>
    /// Counts every pair's shared baskets, antecedent by antecedent (its baskets through the transpose, and the items in
    /// them, as item-kNN's co-occurrence rows), and keeps the rules <paramref name="options"/> allow. N counts every
    /// basket, empty ones too.
    /// </summary>
    /// <exception cref="LearnerInputException">no basket has an item</exception>
    public static AssociationRules Mine(Interactions baskets, AssociationRuleOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(baskets);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (baskets.Count == 0) throw new LearnerInputException("association rules need at least one basket with an item");
        var n = baskets.Items;
        double total = baskets.Users;
        var byItem = baskets.Transpose();
        var rules = new AssociationRule[n][];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = ct },
            () => (Together: new int[n], Touched: new List<int>()),
            (a, _, counts) =>
            {
                var withA = byItem.ItemsOf(a);
                foreach (var basket in withA)
                    foreach (var b in baskets.ItemsOf(basket))
                        if (counts.Together[b]++ == 0) counts.Touched.Add(b);
                var kept = new List<AssociationRule>();
                foreach (var b in counts.Touched)
                {
                    var both = counts.Together[b];
                    counts.Together[b] = 0;
                    if (b == a || both < options.MinBaskets) continue;
                    var withB = byItem.RowStart[b + 1] - byItem.RowStart[b];
                    // Lift as n(A ∧ B)·N / (n(A)·n(B)): exactly 1 for independent counts, where confidence / (n(B) / N) may round below.
                    var rule = new AssociationRule(a, b, both, both / total, (double)both / withA.Length, both * total / ((double)withA.Length * withB));
                    if (rule.Support >= options.MinSupport && rule.Confidence >= options.MinConfidence && rule.Lift >= options.MinLift) kept.Add(rule);
                }
                counts.Touched.Clear();
                kept.Sort(BestFirst);
                rules[a] = [.. kept.Take(options.MaxRulesPerItem)];
                return counts;
            },
            _ => { });
        return new AssociationRules(rules);
    }

    /// <summary>
    /// The rules with antecedent <paramref name="item"/>, best first: by confidence (the share of baskets with the item
    /// that also hold the other), then lift, then consequent. Lift first would put pairs of rare items seen together
    /// twice ahead of what most buyers take; it is the filter instead.
    /// </summary>
    public IReadOnlyList<AssociationRule> For(int item)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)Items, nameof(item));
        return new ReadOnlyCollection<AssociationRule>(_rules[item]);
    }

    /// <summary>
    /// Scores a basket in progress: item j gets the best confidence of a rule i → j from an item i in the history, 0 with
    /// none. Confidence, not lift: it is the share of baskets with i that also have j, the chance the suggestion is
    /// taken, and the best of several stays one; lift, already the filter, would put pairs of rare items first.
    /// </summary>
    public void Score(int user, ReadOnlySpan<int> historyItems, ReadOnlySpan<float> historyWeights, Span<float> scores)
    {
        if (scores.Length != Items) throw new ArgumentException($"scores need {Items} entries, not {scores.Length}", nameof(scores));
        scores.Clear();
        foreach (var i in historyItems)
            foreach (var rule in _rules[i])
                scores[rule.Consequent] = Math.Max(scores[rule.Consequent], (float)rule.Confidence);
    }

    static int BestFirst(AssociationRule x, AssociationRule y)
    {
        var by = y.Confidence.CompareTo(x.Confidence);
        if (by == 0) by = y.Lift.CompareTo(x.Lift);
        return by != 0 ? by : x.Consequent.CompareTo(y.Consequent);
    }

    /// <summary>Writes the model (little-endian binary: header, version, then per item its rules).</summary>
    public void Save(Stream stream)
    {
        using var w = RecommenderFile.Writer(stream, Magic, FormatVersion);
        w.Write(Items);
        foreach (var rules in _rules)
        {
            w.Write(rules.Length);
            foreach (var rule in rules)
            {
                w.Write(rule.Consequent);
                w.Write(rule.Baskets);
                w.Write(rule.Support);
                w.Write(rule.Confidence);
                w.Write(rule.Lift);
            }
        }
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">another header, a newer format, a bad rule or a file cut short</exception>
    public static AssociationRules Load(Stream stream) => RecommenderFile.Load(stream, Magic, Label, Read);

    /// <summary>The rest of the file after its header.</summary>
    internal static AssociationRules Read(BinaryReader r) => RecommenderFile.Body(r, FormatVersion, Label, () =>
    {
        var items = RecommenderFile.ReadCount(r, Label, "items");
        var all = new AssociationRule[items][];
        for (var a = 0; a < items; a++)
        {
            all[a] = new AssociationRule[RecommenderFile.ReadCount(r, Label, "rules")];
            for (var k = 0; k < all[a].Length; k++)
            {
                var rule = new AssociationRule(a, r.ReadInt32(), r.ReadInt32(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
                if ((uint)rule.Consequent >= (uint)items || rule.Baskets < 1 || !(rule.Support is > 0 and <= 1) || !(rule.Confidence is > 0 and <= 1) || !(rule.Lift > 0))
                    throw new InvalidDataException($"{Label} model: rule {a} → {rule.Consequent} is not a rule ({rule})");
                all[a][k] = rule;
            }
        }
        return new AssociationRules(all);
    });
}
