using ShopLens.Learning.Recommenders;

namespace ShopLens.Learning.Tests.Recommenders;

/// <summary>Association rules: mlxtend's measures by hand, the limits, the order, brute force, the basket recommender.</summary>
[Trait("Issue", "6")]
public sealed class AssociationRulesTests
{
    const int Bread = 0, Milk = 1, Butter = 2;

    /// <summary>{bread, milk}, {bread, butter}, {bread, milk, butter}, {milk}, {bread, milk}.</summary>
    static Interactions Breakfast() =>
        Interactions.FromTriples(5, 3, [0, 0, 1, 1, 2, 2, 2, 3, 4, 4], [Bread, Milk, Bread, Butter, Bread, Milk, Butter, Milk, Bread, Milk], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);

    [Fact]
    public void Support_confidence_and_lift_are_mlxtends()
    {
        // N = 5; n(bread) = 4, n(milk) = 4, n(butter) = 2; together: bread ∧ milk 3, bread ∧ butter 2, milk ∧ butter 1.
        // mlxtend (association_rules on apriori's itemsets): support(A → C) = support(A ∪ C),
        // confidence = support(A ∪ C) / support(A), lift = confidence / support(C). So
        //   bread → milk:    support 3/5 = 0.6, confidence 0.6 / 0.8 = 0.75, lift 0.75 / 0.8 = 0.9375 (worse than chance)
        //   milk → bread:    the same numbers
        //   bread → butter:  support 2/5 = 0.4, confidence 0.4 / 0.8 = 0.5,  lift 0.5 / 0.4 = 1.25
        //   butter → bread:  support 0.4,       confidence 0.4 / 0.4 = 1,    lift 1 / 0.8 = 1.25
        //   milk → butter:   support 1/5 = 0.2, confidence 0.2 / 0.8 = 0.25, lift 0.25 / 0.4 = 0.625 (one basket)
        //   butter → milk:   support 0.2,       confidence 0.2 / 0.4 = 0.5,  lift 0.5 / 0.8 = 0.625 (one basket)
        var rules = AssociationRules.Mine(Breakfast(), new AssociationRuleOptions { Threads = 1 });
        Assert.Equal([new AssociationRule(Bread, Butter, 2, 0.4, 0.5, 1.25)], rules.For(Bread), Same);
        Assert.Equal([new AssociationRule(Butter, Bread, 2, 0.4, 1, 1.25)], rules.For(Butter), Same);
        Assert.Empty(rules.For(Milk));

        var all = AssociationRules.Mine(Breakfast(), new AssociationRuleOptions { MinLift = 0 });
        // Best first by confidence: milk (0.75) before butter (0.5), whatever the lift.
        Assert.Equal([new AssociationRule(Bread, Milk, 3, 0.6, 0.75, 0.9375), new AssociationRule(Bread, Butter, 2, 0.4, 0.5, 1.25)], all.For(Bread), Same);
        Assert.Equal([new AssociationRule(Milk, Bread, 3, 0.6, 0.75, 0.9375)], all.For(Milk), Same);

        var single = AssociationRules.Mine(Breakfast(), new AssociationRuleOptions { MinLift = 0, MinBaskets = 1 });
        Assert.Equal([new AssociationRule(Butter, Bread, 2, 0.4, 1, 1.25), new AssociationRule(Butter, Milk, 1, 0.2, 0.5, 0.625)], single.For(Butter), Same);
        Assert.Equal([new AssociationRule(Milk, Bread, 3, 0.6, 0.75, 0.9375), new AssociationRule(Milk, Butter, 1, 0.2, 0.25, 0.625)], single.For(Milk), Same);
    }

    [Fact]
    public void Thresholds_drop_rules_below_them()
    {
        var options = new AssociationRuleOptions { MinLift = 0, MinBaskets = 1 };
        Assert.Equal([Bread], AssociationRules.Mine(Breakfast(), options with { MinConfidence = 0.6 }).For(Butter).Select(r => r.Consequent));
        Assert.Equal([Bread], AssociationRules.Mine(Breakfast(), options with { MinSupport = 0.5 }).For(Milk).Select(r => r.Consequent));
        Assert.Empty(AssociationRules.Mine(Breakfast(), options with { MinBaskets = 4 }).For(Milk));
        Assert.Single(AssociationRules.Mine(Breakfast(), options with { MinBaskets = 3 }).For(Milk));
    }

    [Fact]
    public void Each_item_keeps_its_best_rules_by_confidence_then_lift_then_index()
    {
        // Item 0 with item 1 twice, with item 2 four times, with item 3 twice; N = 8, n(0) = 8, n(1) = 2, n(2) = 4, n(3) = 2.
        // Every rule from 0 has lift 1; confidence 2/8 for 1 and 3, 4/8 for 2: so 2, then 1 before 3.
        var x = Interactions.FromTriples(8, 4, [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7], [0, 1, 0, 1, 0, 2, 0, 2, 0, 2, 0, 2, 0, 3, 0, 3], Enumerable.Repeat(1f, 16).ToArray());
        var rules = AssociationRules.Mine(x, new AssociationRuleOptions());
        Assert.Equal([2, 1, 3], rules.For(0).Select(r => r.Consequent));
        Assert.All(rules.For(0), r => Assert.Equal(1.0, r.Lift));
        Assert.Equal([2, 1], AssociationRules.Mine(x, new AssociationRuleOptions { MaxRulesPerItem = 2 }).For(0).Select(r => r.Consequent));
        Assert.Equal([2], AssociationRules.Mine(x, new AssociationRuleOptions { MaxRulesPerItem = 1 }).For(0).Select(r => r.Consequent));
    }

    [Fact]
    public void Rules_match_brute_force_counting_on_any_number_of_threads()
    {
        var x = BlockData.Random(300, 25, 4, seed: 7);
        var options = new AssociationRuleOptions { MinLift = 0.5, MaxRulesPerItem = 1000, Threads = 1 };
        var rules = AssociationRules.Mine(x, options);
        var parallel = AssociationRules.Mine(x, options with { Threads = 4 });
        var sets = Enumerable.Range(0, x.Users).Select(u => x.ItemsOf(u).ToArray().ToHashSet()).ToArray();
        for (var a = 0; a < x.Items; a++)
        {
            Assert.Equal(rules.For(a), parallel.For(a));
            var expected = new List<AssociationRule>();
            for (var b = 0; b < x.Items; b++)
            {
                if (b == a) continue;
                double nA = sets.Count(s => s.Contains(a)), nB = sets.Count(s => s.Contains(b)), both = sets.Count(s => s.Contains(a) && s.Contains(b));
                var confidence = both / nA;
                var lift = confidence / (nB / x.Users);
                if (both >= 2 && lift >= 0.5) expected.Add(new AssociationRule(a, b, (int)both, both / x.Users, confidence, lift));
            }
            var ordered = expected.OrderByDescending(r => r.Confidence).ThenByDescending(r => Math.Round(r.Lift, 9)).ThenBy(r => r.Consequent);
            Assert.Equal(ordered, rules.For(a), Same);
        }
        Assert.InRange(Enumerable.Range(0, x.Items).Sum(a => rules.For(a).Count), 200, 600);
    }

    [Fact]
    public void A_basket_in_progress_scores_items_by_their_best_rule_confidence()
    {
        var rules = AssociationRules.Mine(Breakfast(), new AssociationRuleOptions());
        Assert.Equal("bought_together", rules.Name);
        var scores = new float[3];
        rules.Score(-1, [Bread], [1], scores);
        Assert.Equal(new float[] { 0, 0, 0.5f }, scores);
        rules.Score(-1, [Butter], [1], scores);
        Assert.Equal(new float[] { 1, 0, 0 }, scores);
        rules.Score(-1, [Bread, Butter], [1, 1], scores);
        Assert.Equal(new float[] { 1, 0, 0.5f }, scores);
        rules.Score(-1, [Milk], [1], scores);
        Assert.Equal(new float[] { 0, 0, 0 }, scores);
        Assert.Throws<ArgumentException>(() => rules.Score(-1, [Bread], [1], new float[2]));
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<LearnerInputException>(() => AssociationRules.Mine(Interactions.FromTriples(3, 2, [], [], []), new AssociationRuleOptions()));
        foreach (var bad in new AssociationRuleOptions[]
                 {
                     new() { MinBaskets = 0 }, new() { MinSupport = -0.1 }, new() { MinSupport = 1.5 }, new() { MinSupport = double.NaN },
                     new() { MinConfidence = 2 }, new() { MinLift = -1 }, new() { MinLift = double.PositiveInfinity },
                     new() { MaxRulesPerItem = 0 }, new() { Threads = 0 },
                 })
            Assert.Throws<ArgumentException>(() => AssociationRules.Mine(Breakfast(), bad));
        var rules = AssociationRules.Mine(Breakfast(), new AssociationRuleOptions());
        Assert.Throws<ArgumentOutOfRangeException>(() => rules.For(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => rules.For(-1));
    }

    static bool Same(AssociationRule x, AssociationRule y) =>
        (x.Antecedent, x.Consequent, x.Baskets) == (y.Antecedent, y.Consequent, y.Baskets)
        && Math.Abs(x.Support - y.Support) < 1e-12 && Math.Abs(x.Confidence - y.Confidence) < 1e-12 && Math.Abs(x.Lift - y.Lift) < 1e-12;
}
