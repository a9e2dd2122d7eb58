using ShopLens.Insight.Predictions;

namespace ShopLens.Insight.Tests.Predictions;

[Trait("Issue", "4")]
public sealed class TaskFrameTests
{
    const string Events = """
        event_id,customer_id,product_id,type,timestamp,price
        a1,ann,p1,view,2025-03-01T10:00:00Z,
        a2,ann,p1,purchase,2025-03-05T10:00:00Z,10
        a3,ann,p1,view,2025-03-10T00:00:00Z,
        a4,ann,p1,purchase,2025-03-12T10:00:00Z,10
        b1,bob,p1,view,2025-03-09T10:00:00Z,
        b2,bob,p1,purchase,2025-03-20T10:00:00Z,10
        c1,cat,p1,view,2025-01-01T10:00:00Z,
        c2,cat,p1,view,2025-03-11T10:00:00Z,
        """;

    static readonly DateTime Cut = new(2025, 3, 10, 0, 0, 0, DateTimeKind.Utc);

    static int Column(string name) => TaskFrame.FeatureColumns.ToList().IndexOf(name);

    [Fact]
    public void Features_come_from_before_the_cut_off_and_labels_from_the_horizon_after_it()
    {
        using var t = new TestStore().With(("events", Events));
        var task = new PredictionTask { Kind = PredictionKind.Propensity, HorizonDays = 7 };
        var frame = TaskFrame.Load(t.Store, task, Cut, withLabels: true);
        // cat was last active 68 days before the cut-off: outside the 28-day look-back.
        Assert.Equal(2, frame.Rows);
        var width = TaskFrame.FeatureColumns.Count;
        var events = Column("events");
        // ann: two events before the cut-off; the view at exactly the cut-off is not a feature.
        Assert.Equal(2, frame.Features[events]);
        Assert.Equal(1, frame.Features[width + events]);
        // ann buys on the 12th (inside [10th, 17th)); bob on the 20th (outside).
        Assert.Equal([1f, 0f], frame.Labels!);
    }

    [Fact]
    public void Churn_labels_follow_their_definition()
    {
        using var t = new TestStore().With(("events", Events));
        var quiet = TaskFrame.Load(t.Store, new PredictionTask { Kind = PredictionKind.Churn, HorizonDays = 7, LookBackDays = 28 }, Cut, true);
        // ann acts at the cut-off and on the 12th, bob not until the 20th.
        Assert.Equal([0f, 1f], quiet.Labels!);
        var noPurchase = TaskFrame.Load(t.Store, new PredictionTask
        {
            Kind = PredictionKind.Churn, HorizonDays = 7, LookBackDays = 28, Definition = ChurnDefinition.NoPurchase,
        }, Cut, true);
        // Only ann had ordered before the cut-off, and she orders again within the week.
        Assert.Single(noPurchase.Keys);
        Assert.Equal([0f], noPurchase.Labels!);
    }

    [Fact]
    public void Task_names_and_defaults_follow_ga4()
    {
        Assert.Equal("propensity_7d", new PredictionTask { HorizonDays = 7 }.Name);
        Assert.Equal(28, new PredictionTask().EffectiveLookBackDays);
        Assert.Equal(7, new PredictionTask { Kind = PredictionKind.Churn }.EffectiveLookBackDays);
        Assert.Equal("churn_no_purchase_14d", new PredictionTask { Kind = PredictionKind.Churn, Definition = ChurnDefinition.NoPurchase }.Name);
        Assert.Throws<ArgumentException>(() => new PredictionTask { HorizonDays = 0 }.Validate());
    }
}

/// <summary>Nothing at or after a cut-off reaches a frame's features: deleting it all leaves them identical.</summary>
[Trait("Issue", "4")]
public sealed class TaskFrameLeakageTests
{
    [Fact]
    public void Features_do_not_change_when_everything_after_the_cut_off_is_deleted()
    {
        using var shop = new TestStore();
        shop.WithSyntheticShop(new ShopLens.Core.Synthetic.ShopSimulatorOptions { Customers = 400, Days = 90, Seed = 5 });
        var store = shop.Store;
        var cut = TaskFrame.DataEnd(store).AddDays(-30);
        var task = new PredictionTask { Kind = PredictionKind.Churn, Definition = ChurnDefinition.NoPurchase, LookBackDays = 60 };
        var before = TaskFrame.Load(store, task, cut, withLabels: false);
        var literal = ShopLens.Core.Store.SqlLiteral.Timestamp(cut);
        Assert.True(store.Execute($"DELETE FROM events WHERE ts >= {literal}") > 0);
        store.Execute($"DELETE FROM order_lines WHERE order_id IN (SELECT order_id FROM orders WHERE ts >= {literal})");
        Assert.True(store.Execute($"DELETE FROM orders WHERE ts >= {literal}") > 0);
        store.Execute($"DELETE FROM reviews WHERE ts >= {literal}");
        var after = TaskFrame.Load(store, task, cut, withLabels: false);
        Assert.Equal(before.Keys, after.Keys);
        Assert.Equal(before.Features, after.Features);
    }
}

/// <summary>An order's status is its final one: a return refunded after the cut-off was not a return at it.</summary>
[Trait("Issue", "4")]
public sealed class ReturnsAsOfTests
{
    [Fact]
    public void A_return_counts_only_once_its_refund_precedes_the_cut_off()
    {
        using var t = new TestStore().With(
            ("orders", """
                order_id,customer_id,timestamp,status
                o1,ann,2025-03-01T10:00:00Z,returned
                o2,ann,2025-03-02T10:00:00Z,completed
                """),
            ("order_lines", """
                order_id,product_id,quantity,unit_price
                o1,p1,1,10
                o2,p1,1,20
                """),
            ("events", """
                event_id,customer_id,product_id,type,timestamp
                r1,ann,p1,refund,2025-03-08T10:00:00Z
                """));
        var task = new PredictionTask { Kind = PredictionKind.Propensity, HorizonDays = 7, LookBackDays = 60 };
        float Value(DateTime cut, string column) =>
            TaskFrame.Load(t.Store, task, cut, withLabels: false).Features[TaskFrame.FeatureColumns.ToList().IndexOf(column)];
        var beforeRefund = new DateTime(2025, 3, 5, 0, 0, 0, DateTimeKind.Utc);
        var afterRefund = new DateTime(2025, 3, 10, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(0, Value(beforeRefund, "returns"));
        Assert.Equal(2, Value(beforeRefund, "orders"));
        Assert.Equal(30, Value(beforeRefund, "monetary"));
        Assert.Equal(1, Value(afterRefund, "returns"));
        Assert.Equal(1, Value(afterRefund, "orders"));
        Assert.Equal(20, Value(afterRefund, "monetary"));
    }
}
