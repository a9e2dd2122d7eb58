using ShopLens.Core.Store;
using ShopLens.Core.Synthetic;
using ShopLens.Insight.Reviews;

namespace ShopLens.Insight.Tests.Reviews;

/// <summary>The default synthetic shop with its review sentiment trained from its ratings and saved, and its planted truth.</summary>
public sealed class ReviewShop : IDisposable
{
    readonly TestStore _shop = new();

    public ReviewShop()
    {
        var summary = _shop.WithSyntheticShop(new ShopSimulatorOptions());
        Trained = SentimentTraining.FromStore(Store, new SentimentOptions());
        SavedSentiment.Save(Store, Trained);
        var lines = File.ReadAllLines(summary.TruthProductsPath);
        var header = lines[0].Split(',');
        int id = Array.IndexOf(header, "product_id"), complained = Array.IndexOf(header, "complained_aspect"),
            praised = Array.IndexOf(header, "praised_aspect"), badBatch = Array.IndexOf(header, "bad_batch");
        // Category paths never hold a comma, brands neither, so the truth file splits plainly.
        Truth = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[id], f => (Complained: f[complained], Praised: f[praised], BadBatch: f[badBatch] == "true"));
        Reviews = StoredReviews.Load(Store);
        Scores = SavedSentiment.Scores(Store);
    }

    public ShopStore Store => _shop.Store;

    public TrainedSentiment Trained { get; }

    public IReadOnlyDictionary<string, (string Complained, string Praised, bool BadBatch)> Truth { get; }

    public IReadOnlyList<StoredReview> Reviews { get; }

    public IReadOnlyDictionary<(string?, int, int, DateTime), double> Scores { get; }

    public void Dispose() => _shop.Dispose();
}
