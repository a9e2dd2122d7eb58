using ShopLens.Core.Synthetic;
using ShopLens.Insight.Recommendations;
using ShopLens.Learning.Recommenders;
using Xunit.Abstractions;

namespace ShopLens.Insight.Tests.Recommendations;

/// <summary>The sequence Transformer fitted from the store's acts in time order, as a recommender of its own and a source of the hybrid.</summary>
[Trait("Issue", "8")]
public sealed class SequenceSourceTests(ITestOutputHelper output)
{
    const string Header = "event_id,customer_id,product_id,type,timestamp\n";

    const string Events = """
        e1,ann,p1,view,2025-01-01T10:00:00Z
        e2,ann,p1,cart,2025-01-01T10:05:00Z
        e3,ann,p2,view,2025-01-02T10:00:00Z
        e5,bob,p2,view,2025-01-03T10:00:00Z
        e6,bob,p3,favorite,2025-01-04T10:00:00Z
        e8,cat,p3,view,2025-01-07T10:00:00Z
        """;

    /// <summary>The same shop with each customer's last product acted on once more after it.</summary>
    const string Later = """
        e4,ann,p3,view,2025-01-05T10:00:00Z
        e7,bob,p1,view,2025-01-06T10:00:00Z
        """;

    static byte[] Bytes(IRecommender model)
    {
        using var file = new MemoryStream();
        model.Save(file);
        return file.ToArray();
    }

    [Fact]
    public void The_model_learns_from_the_training_acts_alone()
    {
        using var whole = new TestStore().With(("events", Header + Events + "\n" + Later));
        using var before = new TestStore().With(("events", Header + Events));
        var log = InteractionLog.Load(whole.Store, new InteractionWeights());
        var (train, _, trainRows) = EvaluationSplit.Make(log, SplitProtocol.LeaveLastOut, 0.25, 1);
        var earlier = InteractionLog.Load(before.Store, new InteractionWeights());

        var split = SequenceSource.For(log, trainRows, seed: 1, threads: 1)(train);
        var alone = SequenceSource.For(earlier, [.. Enumerable.Repeat(true, earlier.Rows)], seed: 1, threads: 1)(earlier.Matrix(_ => true));

        // The held-out acts (ann's p3, bob's p1) reach neither the Transformer's weights nor the events it keeps.
        Assert.Equal(Bytes(alone), Bytes(split));
    }

    [Fact]
    public void On_a_synthetic_shop_it_beats_popularity_by_half_again_on_each_customers_next_product()
    {
        using var t = new TestStore();
        t.WithSyntheticShop(new ShopSimulatorOptions { Customers = 800, Products = 200, Days = 90, Seed = 3 });
        var result = RecommendationEvaluation.Run(t.Store, new RecommendationEvaluation.Options
        {
            Models = ["popularity", RecommenderCatalog.Sequence], Protocol = SplitProtocol.LeaveLastOut, Threads = 2,
        });
        var ndcg = result.Models.ToDictionary(m => m.Model, m => m.Metrics.Ndcg);
        foreach (var m in result.Models) output.WriteLine($"{m.Model}: NDCG@10 {m.Metrics.Ndcg:F4} ({m.Setting}, {m.FitSeconds:F1} s)");

        Assert.True(ndcg[RecommenderCatalog.Sequence] > 1.5 * ndcg["popularity"], $"sasrec {ndcg[RecommenderCatalog.Sequence]} vs popularity {ndcg["popularity"]}");
    }
}
