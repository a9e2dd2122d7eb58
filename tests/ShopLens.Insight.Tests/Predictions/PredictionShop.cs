using ShopLens.Core.Store;
using ShopLens.Core.Synthetic;
using ShopLens.Insight.Predictions;

namespace ShopLens.Insight.Tests.Predictions;

/// <summary>The default synthetic shop (5000 customers, 180 days, seed 1) imported once, and its 14-day propensity model trained once.</summary>
public sealed class PredictionShop : IDisposable
{
    readonly TestStore _shop = new();
    readonly Lazy<TrainedPrediction> _propensity;

    public PredictionShop()
    {
        _shop.WithSyntheticShop(new ShopSimulatorOptions());
        _propensity = new(() => PredictionTraining.Train(Store, Propensity14, new TrainingOptions { Threads = 2 }));
    }

    public static readonly PredictionTask Propensity14 = new() { Kind = PredictionKind.Propensity, HorizonDays = 14 };

    public ShopStore Store => _shop.Store;

    /// <summary>The 14-day propensity task trained on the shop with the default options.</summary>
    public TrainedPrediction Propensity => _propensity.Value;

    public void Dispose() => _shop.Dispose();
}
