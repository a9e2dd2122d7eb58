using ShopLens.Core.Store;
using ShopLens.Insight.Features;
using ShopLens.Learning.Evaluation;

namespace ShopLens.Insight.Lifetime;

/// <summary>
/// Predicted spend against what the customers really spent in the holdout, as the CLV literature reports it: per
/// model MAE, RMSE, Spearman, normalised Gini, a decile chart and, for models with intervals, their coverage. Every
/// model is judged on the same customers: those with a kept order by the calibration end.
/// </summary>
public static class ValueEvaluation
{
    /// <summary>One model's row of the comparison table.</summary>
    public sealed record ModelResult(string Model, ValueMetrics Metrics, IReadOnlyList<ValueDecile> Deciles, double? IntervalCoverage,
        double PredictedTotal, double ActualTotal);

    /// <summary>
    /// Compares the <paramref name="predictions"/> of spend in the <paramref name="horizonDays"/> after
    /// <paramref name="cutOff"/> with the kept spend that followed; a customer a model did not score counts as 0.
    /// </summary>
    /// <exception cref="ArgumentException">the store's data end before the holdout does</exception>
    public static IReadOnlyList<ModelResult> Evaluate(IShopStore store, DateTime cutOff, int horizonDays, IEnumerable<ValuePrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(predictions);
        var dataEnd = Predictions.TaskFrame.DataEnd(store);
        if (dataEnd < cutOff.AddDays(horizonDays).AddDays(-1))
            throw new ArgumentException($"the holdout runs to {cutOff.AddDays(horizonDays - 1):yyyy-MM-dd} but the data end on {dataEnd:yyyy-MM-dd}: shorten the horizon or move the calibration end back");
        var actual = ActualSpend(store, cutOff, horizonDays);
        var keys = actual.Keys.Order().ToArray();
        var truth = keys.Select(k => actual[k]).ToArray();
        var results = new List<ModelResult>();
        foreach (var prediction in predictions)
        {
            var index = new Dictionary<int, int>();
            for (var i = 0; i < prediction.CustomerKeys.Length; i++) index[prediction.CustomerKeys[i]] = i;
            var predicted = keys.Select(k => index.TryGetValue(k, out var i) ? prediction.Spend[i] : 0).ToArray();
            double? coverage = null;
            if (prediction.Low is { } low && prediction.High is { } high)
                coverage = keys.Select((k, j) => index.TryGetValue(k, out var i) && low[i] <= truth[j] && truth[j] <= high[i] ? 1.0 : 0.0).Average();
            results.Add(new ModelResult(prediction.Model, ValueMetrics.Compute(truth, predicted), ValueDecile.Compute(truth, predicted), coverage,
                predicted.Sum(), truth.Sum()));
        }
        return results;
    }

    /// <summary>
    /// The naive forecast every model must beat: each customer spends in the next horizon what they spent in the last.
    /// </summary>
    public static ValuePrediction LastPeriod(IShopStore store, DateTime cutOff, int horizonDays)
    {
        ArgumentNullException.ThrowIfNull(store);
        var before = ActualSpend(store, cutOff.AddDays(-horizonDays), horizonDays, population: cutOff);
        var keys = before.Keys.Order().ToArray();
        return new ValuePrediction("last_period", keys, [.. keys.Select(k => before[k])]);
    }

    /// <summary>Kept spend in [from, from + days) of every customer with a kept order before <paramref name="population"/> (default: before from).</summary>
    static Dictionary<int, double> ActualSpend(IShopStore store, DateTime from, int days, DateTime? population = null)
    {
        var who = population ?? from;
        var sql = $"""
            SELECT b.customer_key, CAST(coalesce(s.spend, 0) AS DOUBLE PRECISION)
            FROM (SELECT DISTINCT customer_key FROM ({Purchases.KeptSql(who)}) AS k) b
            LEFT JOIN ({Purchases.KeptSpendSql(from, from.AddDays(days))}) s ON s.customer_key = b.customer_key
            """;
        var spend = new Dictionary<int, double>();
        using var reader = store.Query(sql);
        while (reader.Read()) spend[reader.GetInt32(0)] = reader.GetDouble(1);
        return spend;
    }
}
