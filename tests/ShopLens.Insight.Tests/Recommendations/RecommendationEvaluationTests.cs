using ShopLens.Core.Synthetic;
using ShopLens.Insight.Recommendations;
using Xunit.Abstractions;

namespace ShopLens.Insight.Tests.Recommendations;

/// <summary>Interactions from the store, the three holdout protocols, and the evaluation on a synthetic shop with planted tastes.</summary>
[Trait("Issue", "6")]
public sealed class RecommendationEvaluationTests(ITestOutputHelper output)
{
    const string Header = "event_id,customer_id,product_id,type,timestamp\n";

    static TestStore Shop() => new TestStore().With(("events", Header + """
        e1,ann,p1,view,2025-01-01T10:00:00Z
        e2,ann,p1,cart,2025-01-01T10:05:00Z
        e3,ann,p2,view,2025-01-02T10:00:00Z
        e4,ann,p3,view,2025-01-05T10:00:00Z
        e5,bob,p2,view,2025-01-03T10:00:00Z
        e6,bob,p3,favorite,2025-01-04T10:00:00Z
        e7,bob,p1,view,2025-01-06T10:00:00Z
        e8,cat,p3,view,2025-01-07T10:00:00Z
        """));

    [Fact]
    public void Acts_add_up_by_their_kind_and_come_in_time_order()
    {
        using var t = Shop();
        var log = InteractionLog.Load(t.Store, new InteractionWeights());
        Assert.Equal(8, log.Rows);
        Assert.True(log.Time.Zip(log.Time.Skip(1)).All(p => p.First <= p.Second));
        var matrix = log.Matrix(_ => true);
        // ann (the first customer seen) has p1 by a view and a cart: 1 + 3.
        Assert.Equal(4f, matrix.WeightsOf(0)[0]);
        var noViews = InteractionLog.Load(t.Store, new InteractionWeights { View = 0 });
        Assert.Equal(2, noViews.Rows);
        Assert.Throws<ArgumentException>(() => InteractionLog.Load(t.Store, new InteractionWeights { View = 0, Click = 0, Favorite = 0, Cart = 0, Purchase = 0, Review = 0 }));
    }

    [Fact]
    public void Leave_last_out_holds_out_each_customers_last_product_and_time_the_latest_acts()
    {
        using var t = Shop();
        var log = InteractionLog.Load(t.Store, new InteractionWeights());
        var (train, test, trainRows) = EvaluationSplit.Make(log, SplitProtocol.LeaveLastOut, 0.25, 1);
        // In time order e1, e2, e3, e5, e6, e4, e7, e8: ann's e4 (p3) and bob's e7 (p1) are held out, every other act trains.
        Assert.Equal([true, true, true, true, true, false, false, true], trainRows);
        var p = (Func<string, int>)(id => t.ItemOf(log, id));
        // ann's last act is on p3, bob's on p1; cat has one product only, so nothing of hers is held out.
        Assert.Equal([p("p3")], test.ItemsOf(0).ToArray());
        Assert.Equal([p("p1")], test.ItemsOf(1).ToArray());
        Assert.True(test.ItemsOf(2).IsEmpty);
        Assert.DoesNotContain(p("p3"), train.ItemsOf(0).ToArray());
        // ann keeps p1 and p2, bob p2 and p3, cat p3.
        Assert.Equal(5, train.Count);

        // The time split holds out the latest quarter of the 8 acts (from the 7th on: bob's p1 view and cat's p3);
        // cat had nothing before, so only bob is judged.
        (train, test, trainRows) = EvaluationSplit.Make(log, SplitProtocol.Time, 0.25, 1);
        Assert.Equal(6, trainRows.Count(r => r));
        Assert.Equal(1, test.Count);
        Assert.Equal([p("p1")], test.ItemsOf(1).ToArray());
        Assert.True(train.ItemsOf(2).IsEmpty);
    }

    [Fact]
    public void On_a_synthetic_shop_the_learned_recommenders_recover_the_planted_tastes()
    {
        using var t = new TestStore();
        t.WithSyntheticShop(new ShopSimulatorOptions { Customers = 800, Products = 200, Days = 90, Seed = 3 });
        var result = RecommendationEvaluation.Run(t.Store, new RecommendationEvaluation.Options { Models = ["popularity", "trending", "itemknn", "ease", "als"], Threads = 2 });
        var ndcg = result.Models.ToDictionary(m => m.Model, m => m.Metrics.Ndcg);
        foreach (var m in result.Models) output.WriteLine($"{m.Model}: NDCG@10 {m.Metrics.Ndcg:F4} ({m.Setting})");
        Assert.True(result.TestUsers > 500);
        foreach (var model in new[] { "itemknn", "ease", "als" }) Assert.True(ndcg[model] > 2 * ndcg["popularity"], $"{model} {ndcg[model]} vs popularity {ndcg["popularity"]}");
        Assert.InRange(ndcg["trending"], 0.5 * ndcg["popularity"], 0.5 * ndcg["ease"]);
        Assert.Throws<ArgumentException>(() => RecommendationEvaluation.Run(t.Store, new RecommendationEvaluation.Options { Models = ["prophet"] }));
    }
}
