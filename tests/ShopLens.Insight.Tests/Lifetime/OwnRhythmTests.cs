using ShopLens.Insight.Lifetime;
using ShopLens.Insight.Predictions;
using ShopLens.Insight.Tests.Predictions;
using Xunit.Abstractions;

namespace ShopLens.Insight.Tests.Lifetime;

[Trait("Issue", "5")]
public sealed class OwnRhythmTests(PredictionShop shop, ITestOutputHelper output) : IClassFixture<PredictionShop>
{
    [Fact]
    public void The_next_order_follows_the_gaps_still_possible_and_is_judged_against_the_real_one()
    {
        // ann buys on days 0, 10, 20, 40 and again on day 52; cat twice early and again on day 60; bob once.
        using var t = new TestStore().With(("orders", """
            order_id,customer_id,timestamp,amount
            a1,ann,2025-01-01T10:00:00Z,5
            a2,ann,2025-01-11T10:00:00Z,5
            a3,ann,2025-01-21T10:00:00Z,5
            a4,ann,2025-02-10T10:00:00Z,5
            a5,ann,2025-02-22T10:00:00Z,5
            b1,bob,2025-01-05T10:00:00Z,5
            c1,cat,2025-01-01T10:00:00Z,5
            c2,cat,2025-01-06T10:00:00Z,5
            c3,cat,2025-03-02T10:00:00Z,5
            """));
        var cut = new DateTime(2025, 2, 15, 0, 0, 0, DateTimeKind.Utc);
        var estimates = OwnRhythm.Estimate(t.Store, cut).ToDictionary(e => e.CustomerKey);
        var ann = estimates.Values.Single(e => e.Status == "expected" && e.Expected < new DateTime(2025, 3, 1));
        // ann: 3 repeat purchases over the 45 days since her first: wait quantiles 45·((1 − q)^(−1/3) − 1) days.
        Assert.Equal(cut.AddDays(45 * (Math.Pow(0.5, -1.0 / 3) - 1)), ann.Expected);
        Assert.Equal(cut.AddDays(45 * (Math.Pow(0.9, -1.0 / 3) - 1)), ann.Low);
        Assert.Equal(cut.AddDays(45 * (Math.Pow(0.1, -1.0 / 3) - 1)), ann.High);
        Assert.Single(estimates.Values, e => e.Status == "too_few_orders");
        var evaluation = NextOrderEvaluation.Evaluate(t.Store, cut, [.. estimates.Values]);
        // ann expected on 2025-02-26 (11.7 days after the cut) and ordered on the 22nd; cat's wait is long (one repeat over 45 days).
        Assert.Equal(2, evaluation.WithDateOrdered);
        Assert.Equal(1, evaluation.WithoutDate);
        Assert.Equal(0, evaluation.WithoutDateOrdered);
    }

    [Fact]
    public void On_the_synthetic_shop_the_rhythm_dates_land_near_the_real_orders()
    {
        var cut = TaskFrame.DataEnd(shop.Store).Date.AddDays(-59);
        var evaluation = NextOrderEvaluation.Evaluate(shop.Store, cut, OwnRhythm.Estimate(shop.Store, cut));
        output.WriteLine($"{evaluation}");
        Assert.True(evaluation.WithDateOrdered > 100);
        Assert.InRange(evaluation.IntervalCoverage, 0.6, 0.95);
    }
}
