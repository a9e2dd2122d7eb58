using ShopLens.Core.Synthetic;
using ShopLens.Insight.Sequences;
using ShopLens.Learning.Sequence;
using Xunit.Abstractions;

namespace ShopLens.Insight.Tests.Sequences;

/// <summary>The sequence model on a synthetic shop: the time-split backtest, training, saving, and a customer's next step.</summary>
[Trait("Issue", "8")]
public sealed class ShopSequenceModelTests(ShopSequenceModelTests.SmallShop shop, ITestOutputHelper output) : IClassFixture<ShopSequenceModelTests.SmallShop>
{
    public sealed class SmallShop : IDisposable
    {
        readonly TestStore _store = new();

        public SmallShop() => _store.WithSyntheticShop(new ShopSimulatorOptions { Customers = 400, Days = 60, Seed = 3 });

        public ShopLens.Core.Store.ShopStore Store => _store.Store;

        public void Dispose() => _store.Dispose();
    }

    // A small shop gives few batches: a higher rate and a short warm-up, as for any small data set.
    static readonly SequenceOptions Small = new() { Dim = 16, Blocks = 1, MaxLength = 30, Epochs = 4, BatchSize = 32, LearningRate = 5e-3, WarmupSteps = 10, Threads = 2, Seed = 5 };

    [Fact]
    public void The_time_split_learns_from_the_past_and_beats_popularity_on_the_next_product()
    {
        var result = SequenceBacktest.Run(shop.Store, Small, SequenceSplit.Time);
        var cut = result.CutOff!.Value;
        var before = shop.Store.Scalar<long>($"SELECT count(*) FROM events WHERE product_key IS NOT NULL AND ts < TIMESTAMP '{cut:yyyy-MM-dd HH:mm:ss}'");
        Assert.Equal(before, result.TrainingEvents);
        var (model, popularity) = (result.Model.Single(r => r.Protocol == SequenceRanking.Full), result.Popularity.Single(r => r.Protocol == SequenceRanking.Full));
        output.WriteLine($"{result.Cases} cases: model NDCG@10 {model.Ndcg:F4}, HR@10 {model.HitRate:F4}; popularity {popularity.Ndcg:F4}, {popularity.HitRate:F4}; loss {string.Join(" → ", result.EpochLosses)}");
        Assert.True(result.Cases > 100);
        Assert.True(result.EpochLosses[^1] < result.EpochLosses[0]);
        Assert.True(model.Ndcg > popularity.Ndcg, $"model {model.Ndcg} vs popularity {popularity.Ndcg}");
        Assert.Null(result.Validation);
    }

    [Fact]
    public void A_saved_model_predicts_a_customers_next_products_actions_and_purchase_intent()
    {
        var trained = ShopSequenceModel.Train(shop.Store, Small with { Epochs = 1 });
        trained.Save(shop.Store);
        var loaded = ShopSequenceModel.Load(shop.Store);
        Assert.Equal(trained.ProductIds, loaded.ProductIds);
        Assert.Equal(trained.Summary, loaded.Summary with { EpochLosses = trained.Summary.EpochLosses });
        var customer = shop.Store.Scalar<string>(
            "SELECT c.customer_id FROM events e JOIN customers c USING (customer_key) WHERE e.product_key IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1");
        var (a, b) = (trained.PredictNext(shop.Store, customer, k: 5), loaded.PredictNext(shop.Store, customer, k: 5));
        Assert.Equal(a.Products, b.Products);
        Assert.Equal(5, a.Products.Count);
        Assert.Equal(1, a.NextAction.Values.Sum(), 5);
        Assert.Contains("view", a.NextAction.Keys);
        Assert.InRange(a.PurchaseIntent!.Value, 0, 1);
        Assert.True(a.Products.Zip(a.Products.Skip(1)).All(p => p.First.Probability >= p.Second.Probability));
        // What the customer already bought is left out unless asked for.
        var bought = shop.Store.Scalar<long>($"""
            SELECT count(*) FROM events e JOIN customers c USING (customer_key) JOIN products p USING (product_key)
            WHERE c.customer_id = '{customer}' AND e.type = 7 AND p.product_id IN ({string.Join(", ", a.Products.Select(p => $"'{p.ProductId}'"))})
            """);
        Assert.Equal(0, bought);
        Assert.Throws<KeyNotFoundException>(() => loaded.PredictNext(shop.Store, "nobody"));
    }
}
