using ShopLens.Core.Store;
using ShopLens.Learning.Btyd;

namespace ShopLens.Insight.Lifetime;

/// <summary>
/// Customer value now: a purchase model and Gamma-Gamma fitted on everything up to the calibration end (default: the
/// data end), and the forecast of every buyer from there.
/// </summary>
public static class ClvScoring
{
    /// <summary>The fitted models and the forecast.</summary>
    public sealed record Result(PurchaseHistories Histories, IRepeatPurchaseModel Model, GammaGammaModel Spend, CustomerValueForecast Forecast);

    public static Result Run(IShopStore store, string model, DateTime? calibrationEnd, ClvOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var end = (calibrationEnd ?? Predictions.TaskFrame.DataEnd(store)).Date;
        var histories = PurchaseHistories.Load(store, end);
        if (histories.Count == 0) throw new ArgumentException($"no customer bought before {end:yyyy-MM-dd}");
        var fitted = RepeatPurchaseModels.Fit(model, histories, ct);
        var spend = RepeatPurchaseModels.FitSpend(histories, ct);
        return new Result(histories, fitted, spend, CustomerValueForecast.Compute(histories, fitted, spend, options));
    }
}
