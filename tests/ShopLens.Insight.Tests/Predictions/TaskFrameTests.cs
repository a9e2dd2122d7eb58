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
