using ShopLens.Core.Model;
using ShopLens.Insight.Funnels;

namespace ShopLens.Insight.Tests.Funnels;

/// <summary>The Taobao UserBehavior extract imported once through its preset, with its events read back for the reference.</summary>
public sealed class TaobaoStore : IDisposable
{
    internal TestStore Shop { get; } = new TestStore().WithDataset("taobao_userbehavior_extract/UserBehavior.csv", "taobao");

    internal List<FunnelReference.Event> Events { get; }

    public TaobaoStore() => Events = FunnelReference.ReadEvents(Shop.Store);

    public void Dispose() => Shop.Dispose();
}

/// <summary>Funnels on the real Taobao extract (pv → cart → buy) equal a plain C# count over the same store's events.</summary>
[Trait("Issue", "3")]
public sealed class TaobaoFunnelTests(TaobaoStore data) : IClassFixture<TaobaoStore>
{
    static readonly EventType[] ViewCartBuy = [EventType.View, EventType.Cart, EventType.Purchase];

    [Theory]
    [InlineData("view,cart,purchase", "1d")]
    [InlineData("view,cart,purchase", "10m")]
    [InlineData("view,purchase", "30m")]
    [InlineData("cart,purchase", "1h")]
    [InlineData("view,favorite,cart", "1d")]
    [InlineData("view,view,cart", "20m")]
    [InlineData("view,cart,view,purchase", "1d")]
    public void Counts_and_times_per_step_equal_an_independent_count(string steps, string window)
    {
        var funnel = new FunnelDefinition { Steps = FunnelDefinition.ParseSteps(steps), Window = ConversionWindow.Parse(window), CorrelationTop = 0 };
        var result = FunnelAnalysis.Run(data.Shop.Store, funnel);
        var expected = FunnelReference.Steps(FunnelReference.Attempts(data.Events, funnel).Values, funnel.Steps.Count);
        FunnelReference.AssertSteps(result.Steps, expected, $"{steps} within {window}");
        Assert.True(result.Converted > 0, $"{steps} within {window}: nobody converted, so the times were not compared");
    }

    [Fact]
    public void A_time_range_inside_the_data_equals_an_independent_count()
    {
        var funnel = new FunnelDefinition
        {
            Steps = ViewCartBuy,
            Window = TimeSpan.FromMinutes(45),
            From = new DateTime(2017, 11, 26, 1, 30, 0, DateTimeKind.Utc),
            AsOf = new DateTime(2017, 11, 26, 2, 40, 0, DateTimeKind.Utc),
            CorrelationTop = 0,
        };
        var result = FunnelAnalysis.Run(data.Shop.Store, funnel);
        FunnelReference.AssertSteps(result.Steps, FunnelReference.Steps(FunnelReference.Attempts(data.Events, funnel).Values, 3), "01:30 to 02:40");
        Assert.True(result.Steps[2].Customers > 0);
        Assert.True(result.Entered < FunnelAnalysis.Run(data.Shop.Store, funnel with { From = null, AsOf = null }).Entered);
    }

    [Fact]
    public void View_cart_purchase_within_a_day_has_the_known_counts()
    {
        var result = FunnelAnalysis.Run(data.Shop.Store, new FunnelDefinition { Steps = ViewCartBuy, CorrelationTop = 0 });
        // Pinned from the reference count above, so that a change in semantics shows up as a change in these numbers.
        Assert.Equal([60_993L, 1_840L, 20L], result.Steps.Select(s => s.Customers));
        Assert.Equal(1_840.0 / 60_993, result.Steps[1].Conversion!.Value, 12);
        Assert.Equal(20.0 / 1_840, result.Steps[2].Conversion!.Value, 12);
        Assert.Equal(20.0 / 60_993, result.Conversion!.Value, 12);
        Assert.Equal(60_993 - 1_840, result.Steps[1].DropOff);
    }

    [Fact]
    public void The_category_breakdown_splits_customers_by_their_first_view()
    {
        var funnel = new FunnelDefinition { Steps = ViewCartBuy, Window = TimeSpan.FromHours(1), By = FunnelBreakdown.Category, BreakdownLimit = 5, CorrelationTop = 0 };
        var result = FunnelAnalysis.Run(data.Shop.Store, funnel);
        var attempts = FunnelReference.Attempts(data.Events, funnel).Values.ToList();
        var largest = attempts.GroupBy(a => a.StartCategory).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(5).Select(g => g.Key).ToHashSet();
        Assert.Equal(6, result.Breakdown.Count);
        Assert.Equal(FunnelAnalysis.OtherValues, result.Breakdown[^1].Value);
        foreach (var group in result.Breakdown)
        {
            var members = group.Value == FunnelAnalysis.OtherValues
                ? attempts.Where(a => !largest.Contains(a.StartCategory))
                : attempts.Where(a => a.StartCategory == group.Value);
            FunnelReference.AssertSteps(group.Steps, FunnelReference.Steps(members, 3), $"category {group.Value}");
        }
        Assert.Equal(result.Steps.Select(s => s.Customers), ViewCartBuy.Select((_, k) => result.Breakdown.Sum(g => g.Steps[k].Customers)));
    }
}
