using ShopLens.Insight.Recommendations;

namespace ShopLens.Insight.Tests.Recommendations;

/// <summary>The hybrid's inner split by time: each customer's newest products are what the ranker learns to put first.</summary>
[Trait("Issue", "8")]
public sealed class LatestActsSplitTests
{
    const string Header = "event_id,customer_id,product_id,type,timestamp\n";

    [Fact]
    public void Each_split_steps_one_product_back_in_time()
    {
        using var t = new TestStore().With(("events", Header + """
            e1,ann,p1,view,2025-01-01T10:00:00Z
            e2,ann,p2,view,2025-01-02T10:00:00Z
            e3,ann,p3,view,2025-01-03T10:00:00Z
            e4,ann,p1,cart,2025-01-04T10:00:00Z
            e5,ann,p4,view,2025-01-05T10:00:00Z
            e6,bob,p2,view,2025-01-06T10:00:00Z
            e7,bob,p3,view,2025-01-07T10:00:00Z
            e8,cat,p4,view,2025-01-08T10:00:00Z
            """));
        var log = InteractionLog.Load(t.Store, new InteractionWeights());
        var all = log.Matrix(_ => true);
        var p = (Func<string, int>)(id => t.ItemOf(log, id));
        var split = LatestActsSplit.For(log, [.. Enumerable.Repeat(true, log.Rows)], all, 0.5);

        // ann's products by their latest act: p2, p3, p1 (carted again on the 4th), p4; half of four is two.
        var (inner, targets) = split(0);
        Assert.Equal(new[] { p("p1"), p("p4") }.Order(), targets.ItemsOf(0).ToArray());
        Assert.Equal(new[] { p("p2"), p("p3") }.Order(), inner.ItemsOf(0).ToArray());
        // p2's weight is all its acts', as in the matrix.
        Assert.Equal(all.WeightsOf(0)[all.ItemsOf(0).BinarySearch(p("p2"))], inner.WeightsOf(0)[inner.ItemsOf(0).BinarySearch(p("p2"))]);
        // bob: p3 is his newest of two; cat has one product, kept and never a target.
        Assert.Equal([p("p3")], targets.ItemsOf(1).ToArray());
        Assert.Equal([p("p2")], inner.ItemsOf(1).ToArray());
        Assert.True(targets.ItemsOf(2).IsEmpty);
        Assert.Equal([p("p4")], inner.ItemsOf(2).ToArray());

        // One product back: ann's p4 is dropped and p3, p1 held back from p2; bob has nothing older to learn from, so
        // keeps p2 and is no target.
        (inner, targets) = split(1);
        Assert.Equal(new[] { p("p3"), p("p1") }.Order(), targets.ItemsOf(0).ToArray());
        Assert.Equal([p("p2")], inner.ItemsOf(0).ToArray());
        Assert.True(targets.ItemsOf(1).IsEmpty);
        Assert.Equal([p("p2")], inner.ItemsOf(1).ToArray());
    }

    [Fact]
    public void Acts_outside_the_training_rows_do_not_order_the_products()
    {
        using var t = new TestStore().With(("events", Header + """
            e1,ann,p1,view,2025-01-01T10:00:00Z
            e2,ann,p2,view,2025-01-02T10:00:00Z
            e3,ann,p1,view,2025-01-03T10:00:00Z
            """));
        var log = InteractionLog.Load(t.Store, new InteractionWeights());
        var p = (Func<string, int>)(id => t.ItemOf(log, id));

        // Without the third act (held out for the test), p2 is ann's newest product; with it, p1.
        var (_, targets) = LatestActsSplit.For(log, [true, true, false], log.Matrix(_ => true), 0.25)(0);
        Assert.Equal([p("p2")], targets.ItemsOf(0).ToArray());
        (_, targets) = LatestActsSplit.For(log, [true, true, true], log.Matrix(_ => true), 0.25)(0);
        Assert.Equal([p("p1")], targets.ItemsOf(0).ToArray());
    }
}
