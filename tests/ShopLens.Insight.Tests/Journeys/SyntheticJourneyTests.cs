using ShopLens.Insight.Journeys;
using Xunit.Abstractions;

namespace ShopLens.Insight.Tests.Journeys;

/// <summary>
/// Lifecycle stages on a synthetic shop agree with the planted truth where the truth decides: a customer who stopped
/// for good more than the churn window ago is churned; one first seen within the active window is neither churned nor at risk.
/// </summary>
[Trait("Issue", "3")]
[Collection(SyntheticShopCollection.Name)]
public sealed class SyntheticJourneyTests(SyntheticShop data, ITestOutputHelper output)
{
    static readonly DateTime End = SyntheticShop.Options.End;

    Dictionary<string, string> Stages(DateTime asOf, StageDefinitions definitions)
    {
        var writer = new StringWriter();
        Lifecycle.WriteCsv(data.Shop.Store, asOf, definitions, writer);
        return writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[1]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(60)]
    public void Customers_gone_longer_than_the_churn_window_are_all_churned(int daysBeforeEnd)
    {
        var asOf = End.AddDays(-daysBeforeEnd);
        var d = new StageDefinitions();
        var stages = Stages(asOf, d);
        var present = data.Truth.Where(t => t.Value.FirstSeen < asOf).ToList();
        Assert.Equal(present.Count, stages.Count);
        var longGone = present.Where(t => t.Value.Death < asOf.AddDays(-d.ChurnDays)).ToList();
        Assert.NotEmpty(longGone);
        Assert.All(longGone, t => Assert.Equal("churned", stages[t.Key]));

        // Where the truth only suggests: how many of the churned are really gone, and how many of the living are not called churned.
        var churned = stages.Where(s => s.Value == "churned").Select(s => s.Key).ToList();
        var churnedGone = churned.Count(c => data.Truth[c].Death < asOf);
        var alive = present.Where(t => t.Value.Death >= asOf).ToList();
        var aliveNotChurned = alive.Count(t => stages[t.Key] != "churned");
        output.WriteLine($"as of {asOf:yyyy-MM-dd}: {stages.Count} customers; {longGone.Count} gone > {d.ChurnDays} days, all churned; " +
            $"churned really gone {churnedGone}/{churned.Count}; alive not churned {aliveNotChurned}/{alive.Count}; " +
            string.Join(", ", stages.GroupBy(s => s.Value).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
    }

    [Fact]
    public void Customers_first_seen_within_the_active_window_are_neither_churned_nor_at_risk()
    {
        var d = new StageDefinitions();
        var stages = Stages(End, d);
        var newcomers = data.Truth.Where(t => t.Value.FirstSeen >= End.AddDays(-d.ActiveWindowDays) && t.Value.FirstSeen < End).ToList();
        Assert.NotEmpty(newcomers);
        Assert.All(newcomers, t => Assert.DoesNotContain(stages[t.Key], new[] { "churned", "at_risk" }));
        output.WriteLine($"{newcomers.Count} newcomers: " +
            string.Join(", ", newcomers.GroupBy(t => stages[t.Key]).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
    }

    [Fact]
    public void Transition_rows_sum_to_the_customers_at_the_first_date()
    {
        var d = new StageDefinitions();
        var from = End.AddDays(-60);
        var to = End;
        var before = Lifecycle.Count(data.Shop.Store, from, d);
        var after = Lifecycle.Count(data.Shop.Store, to, d);
        var matrix = Lifecycle.Transitions(data.Shop.Store, from, to, d);
        foreach (var stage in LifecycleStages.All) Assert.Equal(before[stage], matrix.RowTotal(stage));
        Assert.Equal(after.Values.Sum() - before.Values.Sum(), matrix.RowTotal(null));
        Assert.True(matrix.RowTotal(null) > 0);
        foreach (var stage in LifecycleStages.All)
            Assert.Equal(after[stage], StageTransitions.Rows.Sum(row => matrix[row, stage]));
        // Buyers never become non-buyers again, and nobody arrives already churned or at risk.
        foreach (var buyer in new[] { LifecycleStage.FirstTimeBuyer, LifecycleStage.RepeatBuyer, LifecycleStage.Loyal })
            foreach (var nonBuyer in new[] { LifecycleStage.Visitor, LifecycleStage.Browsing, LifecycleStage.CartAbandoner })
                Assert.Equal(0, matrix[buyer, nonBuyer]);
        Assert.Equal(0, matrix[null, LifecycleStage.Churned]);
        Assert.Equal(0, matrix[null, LifecycleStage.AtRisk]);
    }
}
