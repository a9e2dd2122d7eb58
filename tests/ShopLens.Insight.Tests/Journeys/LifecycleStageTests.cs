using ShopLens.Insight.Journeys;
using ShopLens.Insight.Tests.Cohorts;

namespace ShopLens.Insight.Tests.Journeys;

/// <summary>One hand-made customer per stage, and the edges of each rule, as of 1 June 2025 with the default thresholds.</summary>
[Trait("Issue", "3")]
public sealed class LifecycleStageTests(LifecycleStageTests.OnePerStage data) : IClassFixture<LifecycleStageTests.OnePerStage>
{
    static readonly DateTime AsOf = new(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    readonly TestStore _shop = data.Shop;

    /// <summary>The hand-made customers, imported once; each is named after the stage it should get as of <see cref="AsOf"/>.</summary>
    public sealed class OnePerStage : IDisposable
    {
        internal TestStore Shop { get; } = new TestStore().With(
            ("customers", """
                customer_id,first_seen
                visitor,2025-05-20T00:00:00Z
                signed_up_only,2025-05-30T00:00:00Z
                future,2025-06-01T00:00:00Z
                """),
            ("events", """
                customer_id,product_id,type,timestamp
                visitor,p1,view,2025-05-25T00:00:00Z
                visitor,p1,view,2025-04-25T00:00:00Z
                browsing,p1,view,2025-05-20T00:00:00Z
                browsing,p2,view,2025-05-21T00:00:00Z
                browsing,p2,search,2025-05-31T23:59:59Z
                cart_abandoner,p1,view,2025-05-28T00:00:00Z
                cart_abandoner,p1,cart,2025-05-28T00:01:00Z
                old_cart,p1,cart,2025-04-15T00:00:00Z
                old_cart,p1,view,2025-05-30T00:00:00Z
                at_risk,p1,view,2025-05-01T00:00:00Z
                at_the_cut_off,p1,cart,2025-06-01T00:00:00Z
                returned_only,p1,cart,2025-05-10T00:00:00Z
                """),
            ("orders", """
                order_id,customer_id,timestamp,status,amount
                f1,first_time_buyer,2025-05-10T00:00:00Z,completed,10
                r1,repeat_buyer,2025-04-20T00:00:00Z,completed,10
                r2,repeat_buyer,2025-05-15T00:00:00Z,completed,10
                r3,repeat_buyer,2025-05-16T00:00:00Z,cancelled,10
                l1,loyal,2025-02-01T00:00:00Z,completed,10
                l2,loyal,2025-03-01T00:00:00Z,completed,10
                l3,loyal,2025-04-01T00:00:00Z,completed,10
                l4,loyal,2025-05-30T00:00:00Z,completed,10
                k1,at_risk,2025-03-01T00:00:00Z,completed,10
                k2,at_risk,2025-03-15T00:00:00Z,completed,10
                c1,churned,2025-01-10T00:00:00Z,completed,10
                e1,on_the_churn_edge,2025-03-03T00:00:00Z,completed,10
                x1,returned_only,2025-05-01T00:00:00Z,returned,10
                """));

        public void Dispose() => Shop.Dispose();
    }

    Dictionary<string, string> Stages(DateTime? asOf, StageDefinitions? definitions = null)
    {
        var writer = new StringWriter();
        Lifecycle.WriteCsv(_shop.Store, asOf, definitions ?? new StageDefinitions(), writer);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("customer_id,stage", lines[0]);
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[1]);
    }

    [Fact]
    public void Each_customer_gets_the_stage_its_rules_give()
    {
        var stages = Stages(AsOf);
        var expected = new Dictionary<string, string>
        {
            ["visitor"] = "visitor",                 // two views, one of them older than the 30-day window
            ["signed_up_only"] = "visitor",          // a sign-up date and nothing else
            ["browsing"] = "browsing",               // three events in the window, the last a second before the cut-off
            ["cart_abandoner"] = "cart_abandoner",
            ["old_cart"] = "visitor",                // the cart is older than the window, one recent view
            ["returned_only"] = "cart_abandoner",    // a returned order is not a purchase
            ["first_time_buyer"] = "first_time_buyer",
            ["repeat_buyer"] = "repeat_buyer",       // the cancelled third order does not make it loyal
            ["loyal"] = "loyal",
            ["at_risk"] = "at_risk",                 // last order 78 days ago, still browsing
            ["churned"] = "churned",                 // nothing for 142 days
            ["on_the_churn_edge"] = "at_risk",       // exactly 90 days: churn needs more than 90
        };
        Assert.Equal(expected.OrderBy(kv => kv.Key), stages.OrderBy(kv => kv.Key));
        // Nothing at or after the cut-off: "future" signs up at it, "at_the_cut_off" only acts at it.
        Assert.DoesNotContain("future", stages.Keys);
        Assert.DoesNotContain("at_the_cut_off", stages.Keys);

        var counts = Lifecycle.Count(_shop.Store, AsOf, new StageDefinitions());
        Assert.Equal(LifecycleStages.All, counts.Keys.Order());
        Assert.Equal(stages.Count, counts.Values.Sum());
        Assert.Equal(3, counts[LifecycleStage.Visitor]);
        Assert.Equal(2, counts[LifecycleStage.AtRisk]);
    }

    [Fact]
    public void Thresholds_move_customers_between_stages()
    {
        var stages = Stages(AsOf, new StageDefinitions { ActiveWindowDays = 60, AtRiskDays = 100, ChurnDays = 200, LoyalMinOrders = 2, BrowsingMinEvents = 1 });
        Assert.Equal("loyal", stages["at_risk"]);
        Assert.Equal("loyal", stages["repeat_buyer"]);
        Assert.Equal("at_risk", stages["churned"]);
        Assert.Equal("cart_abandoner", stages["old_cart"]);
        Assert.Equal("browsing", stages["visitor"]);
        Assert.Equal("visitor", stages["signed_up_only"]);
    }

    [Fact]
    public void Transitions_account_for_every_customer_of_both_dates()
    {
        var from = new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        var before = Stages(from);
        var after = Stages(AsOf);
        var matrix = Lifecycle.Transitions(_shop.Store, from, AsOf, new StageDefinitions());
        foreach (var stage in LifecycleStages.All)
            Assert.Equal(before.Count(kv => kv.Value == LifecycleStages.Name(stage)), matrix.RowTotal(stage));
        Assert.Equal(after.Keys.Except(before.Keys).Count(), matrix.RowTotal(null));
        foreach (var (customer, stage) in after)
        {
            var was = before.TryGetValue(customer, out var s) ? LifecycleStages.Parse(s) : (LifecycleStage?)null;
            Assert.True(matrix[was, LifecycleStages.Parse(stage)] > 0, $"{customer}: {was} → {stage} missing");
        }
        // Before 1 April the loyal customer had two orders (the third is at the cut-off): a repeat buyer then.
        Assert.Equal("repeat_buyer", before["loyal"]);
        Assert.Equal(1, matrix[LifecycleStage.RepeatBuyer, LifecycleStage.Loyal]);
        Assert.Throws<ArgumentException>(() => Lifecycle.Transitions(_shop.Store, AsOf, from, new StageDefinitions()));
    }

    [Fact]
    public void A_cut_off_before_any_data_or_an_empty_store_gives_no_customers()
    {
        Assert.Empty(Stages(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.All(Lifecycle.Count(_shop.Store, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), new StageDefinitions()).Values, n => Assert.Equal(0, n));
        using var empty = new TestStore();
        Assert.All(Lifecycle.Count(empty.Store, null, new StageDefinitions()).Values, n => Assert.Equal(0, n));
    }
}
