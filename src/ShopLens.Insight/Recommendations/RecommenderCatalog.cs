using System.Globalization;
using ShopLens.Learning.Recommenders;

namespace ShopLens.Insight.Recommendations;

/// <summary>
/// The recommenders by their command-line names, each with the few settings worth trying: the search picks among
/// them on a validation split of the training data (<see cref="HyperparameterSearch"/>). The hybrid ranks the
/// candidates of EASE, ALS, item-kNN and popularity, each with its chosen setting; hybrid-sasrec adds the sequence
/// Transformer's and learns its ranking from each customer's latest products (<see cref="LatestActsSplit"/>).
/// </summary>
public static class RecommenderCatalog
{
    public const string Hybrid = "hybrid";

    public const string Sequence = "sasrec";

    /// <summary>The hybrid with the sequence Transformer as one more source, its ranker learning what each customer did next.</summary>
    public const string SequenceHybrid = "hybrid-sasrec";

    public static readonly IReadOnlyList<string> Names = ["popularity", "trending", "itemknn", "ease", "als", "bpr", Sequence, Hybrid, SequenceHybrid];

    /// <summary>What <c>evaluate recs</c> compares unless told: all but the two that fit the sequence Transformer, which take minutes on a shop.</summary>
    public static readonly IReadOnlyList<string> Standard = [.. Names.Except([Sequence, SequenceHybrid])];

    /// <summary>A fitted model, the setting it was fitted with and what the search saw.</summary>
    public sealed record Fitted(IRecommender Model, string Setting, IReadOnlyList<(string Label, double Ndcg)> Tried);

    /// <summary>
    /// Fits <paramref name="name"/> on <paramref name="train"/>; <paramref name="side"/> (categories, prices) goes to the
    /// hybrid's ranker; <paramref name="acts"/> fit trending and the sequence Transformer from the acts behind a matrix
    /// (they need their times). Trending is not one of the hybrid's sources: as one it cost NDCG on MovieLens
    /// (0.4761 → 0.4750) and on the demo shop's leave-last-out split (0.4381 → 0.4352).
    /// </summary>
    /// <exception cref="ArgumentException">an unknown name, or trending or sasrec without <paramref name="acts"/></exception>
    public static Fitted Fit(string name, Interactions train, int k, int seed, int threads, ItemSideInformation? side = null,
        ActSources? acts = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (name is Hybrid or SequenceHybrid)
        {
            var sources = new[] { "ease", "als", "itemknn" }.Select(n => Choose(n, train, k, seed, threads, ct)).ToArray();
            var fits = sources.Select(s => s.Best.Fit).Append(d => new Popularity(d)).ToList();
            var labels = sources.Select(s => s.Best.Label).Append("popularity").ToList();
            var options = new HybridOptions { Seed = seed, Threads = threads };
            Func<int, (Interactions, Interactions)>? split = null;
            if (name == SequenceHybrid)
            {
                if (acts is null) throw new ArgumentException("the sequence Transformer needs the order of the acts");
                fits.Add(acts.Sequence);
                labels.Add(Sequence);
                split = acts.NextSplit(train, options.TargetFraction);
            }
            var hybrid = HybridRecommender.Fit(train, fits, options, side, split, ct);
            return new Fitted(hybrid, string.Join(" + ", labels) + (split is null ? "" : "; ranker learns each customer's latest products"), []);
        }
        if (name == "trending")
        {
            if (acts is null) throw new ArgumentException("the trending baseline needs the times of the acts");
            return new Fitted(acts.Trending(train), $"half-life {TrendingSource.HalfLifeDays.ToString(CultureInfo.InvariantCulture)} days", []);
        }
        if (name == Sequence)
        {
            if (acts is null) throw new ArgumentException("the sequence Transformer needs the order of the acts");
            var model = acts.Sequence(train);
            var o = model.Options;
            return new Fitted(model, FormattableString.Invariant($"dim {o.Dim}, {o.Blocks} blocks, length {o.MaxLength}, {o.Epochs} epochs"), []);
        }
        var search = Choose(name, train, k, seed, threads, ct);
        return new Fitted(search.Best.Fit(train), search.Best.Label, search.Tried);
    }

    static HyperparameterSearch.Result Choose(string name, Interactions train, int k, int seed, int threads, CancellationToken ct) =>
        HyperparameterSearch.Choose(train, Settings(name, seed, threads), k, seed, threads, ct);

    static IReadOnlyList<HyperparameterSearch.Candidate> Settings(string name, int seed, int threads) => name switch
    {
        "popularity" => [new("popularity", d => new Popularity(d))],
        "itemknn" => [.. new[] { 50, 200, 800 }.Select(n =>
            new HyperparameterSearch.Candidate(Label("itemknn neighbours", n), d => ItemKnn.Fit(d, new ItemKnnOptions { Neighbours = n, Threads = threads })))],
        "ease" => [.. new[] { 50.0, 150, 300, 600, 1200 }.Select(l2 =>
            new HyperparameterSearch.Candidate(Label("ease l2", l2), d => Ease.Fit(d, new EaseOptions { L2 = l2, Threads = threads })))],
        "als" => [.. new[] { (32, 1.0), (32, 10.0), (64, 10.0), (64, 30.0) }.Select(s =>
            new HyperparameterSearch.Candidate($"als factors {s.Item1} regularization {s.Item2.ToString(CultureInfo.InvariantCulture)}",
                d => new AlsTrainer(new AlsOptions { Factors = s.Item1, Regularization = s.Item2, Seed = seed, Threads = threads }).Fit(d)))],
        "bpr" => [new("bpr factors 128 epochs 100 learning rate 0.05",
            d => new BprTrainer(new BprOptions { Factors = 128, Epochs = 100, LearningRate = 0.05, Seed = seed }).Fit(d))],
        _ => throw new ArgumentException($"unknown recommender '{name}'; use {string.Join(", ", Names)}"),
    };

    static string Label(string what, double value) => $"{what} {value.ToString(CultureInfo.InvariantCulture)}";
}
