using ShopLens.Core.Import;
using ShopLens.Core.Store;
using ShopLens.Core.Synthetic;
using ShopLens.Insight.Predictions;

namespace ShopLens.Insight.Tests.Predictions;

/// <summary>The default synthetic shop (5000 customers, 180 days, seed 1) imported once, and its 14-day propensity model trained once.</summary>
public sealed class PredictionShop : IDisposable
{
    readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("shoplens-predictions-");
    readonly Lazy<TrainedPrediction> _propensity;

    public PredictionShop()
    {
        Store = Import(new ShopSimulatorOptions(), _dir.FullName);
        _propensity = new(() => PredictionTraining.Train(Store, Propensity14, new TrainingOptions { Threads = 2 }));
    }

    public static readonly PredictionTask Propensity14 = new() { Kind = PredictionKind.Propensity, HorizonDays = 14 };

    public ShopStore Store { get; }

    /// <summary>The 14-day propensity task trained on the shop with the default options.</summary>
    public TrainedPrediction Propensity => _propensity.Value;

    /// <summary>Generates a synthetic shop into <paramref name="folder"/> and imports it into a new store there.</summary>
    public static ShopStore Import(ShopSimulatorOptions options, string folder)
    {
        var shop = ShopSimulator.Generate(options, Path.Combine(folder, "data"));
        var store = ShopStore.Open(Path.Combine(folder, "shop.duckdb"));
        var report = store.Import(new ImportRequest
        {
            Files = [.. new[] { shop.CustomersPath, shop.ProductsPath, shop.EventsPath, shop.OrdersPath, shop.OrderLinesPath, shop.ReviewsPath }
                .Select(p => new SourceFile(p))],
        });
        Assert.All(report.Files, f => Assert.Equal(0, f.Rejected));
        return store;
    }

    public void Dispose()
    {
        Store.Dispose();
        _dir.Delete(recursive: true);
    }
}
