using ShopLens.Core.Store;

namespace ShopLens.Insight.Lifetime;

/// <summary>
/// <c>shoplens evaluate clv</c>: every value model fitted on the calibration period and judged side by side on the
/// holdout that follows (spend: MAE, RMSE, Spearman, Gini, deciles; purchases by calibration frequency; cumulative
/// repeat purchases over time; next-order dates), with last period's spend as the naive baseline.
/// </summary>
public static class ClvComparison
{
    /// <summary>The comparison: one value row per model, and per BTYD model its fit, frequency table and next-order figures.</summary>
    public sealed record Result(DateTime CalibrationEnd, int HorizonDays, int Customers, IReadOnlyList<ValueEvaluation.ModelResult> Spend,
        IReadOnlyDictionary<string, BtydResult> Btyd, NextOrderEvaluation OwnRhythm);

    /// <summary>A BTYD model's parameters, log-likelihood, convergence, frequency table, tracking curve and next-order evaluation.</summary>
    public sealed record BtydResult(IReadOnlyDictionary<string, double> Parameters, double LogLikelihood, bool Converged,
        IReadOnlyList<FrequencyHoldoutRow> ByFrequency, IReadOnlyList<PurchaseTracking> Tracking, NextOrderEvaluation NextOrder);

    /// <summary>
    /// Fits on what happened up to <paramref name="calibrationEnd"/> (a day, inclusive) and judges the
    /// <paramref name="horizonDays"/> after it. <paramref name="models"/>: any of bgnbd, mbgnbd, pareto, ml, ziln
    /// (Gamma-Gamma gives the BTYD models their spend).
    /// </summary>
    public static Result Run(IShopStore store, DateTime calibrationEnd, int horizonDays, IReadOnlyList<string> models, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(models);
        var end = calibrationEnd.Date;
        var cut = end.AddDays(1);
        var histories = PurchaseHistories.Load(store, end, end.AddDays(horizonDays));
        if (histories.Count == 0) throw new ArgumentException($"no customer bought before {end:yyyy-MM-dd}: move --calibration-end later");
        var predictions = new List<ValuePrediction>();
        var btyd = new Dictionary<string, BtydResult>();
        var spend = models.Any(RepeatPurchaseModels.Names.Contains) ? RepeatPurchaseModels.FitSpend(histories, ct) : null;
        foreach (var name in models)
        {
            ct.ThrowIfCancellationRequested();
            if (RepeatPurchaseModels.Names.Contains(name))
            {
                var model = RepeatPurchaseModels.Fit(name, histories, ct);
                var forecast = CustomerValueForecast.Compute(histories, model, spend, new ClvOptions { HorizonDays = horizonDays, AnnualDiscountRate = 0 });
                predictions.Add(new ValuePrediction(name, forecast.CustomerKeys, [.. forecast.ExpectedOrders.Zip(forecast.SpendPerOrder, (o, s) => o * s)]));
                btyd[name] = new BtydResult(model.Parameters, model.LogLikelihood, model.Converged,
                    FrequencyHoldoutRow.Compute(histories, forecast.ExpectedOrders), PurchaseTracking.Compute(store, histories, model),
                    NextOrderEvaluation.Evaluate(store, cut, forecast.NextOrders));
            }
            else predictions.Add(MachineLearnedValue.Predict(store, cut, horizonDays, name));
        }
        predictions.Add(ValueEvaluation.LastPeriod(store, cut, horizonDays));
        var results = ValueEvaluation.Evaluate(store, cut, horizonDays, predictions);
        return new Result(end, horizonDays, histories.Count, results, btyd, NextOrderEvaluation.Evaluate(store, cut, OwnRhythm.Estimate(store, cut)));
    }
}
