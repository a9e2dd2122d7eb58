using System.Globalization;
using ShopLens.Insight.Lifetime;
using Spectre.Console;

namespace ShopLens.Cli.Commands;

/// <summary><c>evaluate clv</c>'s output: the models side by side on the holdout, as JSON keyed by model name or as tables.</summary>
static class ClvView
{
    public static object ToJson(ClvComparison.Result r) => new
    {
        calibration_end = r.CalibrationEnd,
        horizon_days = r.HorizonDays,
        customers = r.Customers,
        models = r.Spend.ToDictionary(m => m.Model, m => (object)new
        {
            mae = m.Metrics.Mae,
            rmse = m.Metrics.Rmse,
            spearman = m.Metrics.Spearman,
            gini = m.Metrics.NormalizedGini,
            predicted_total = m.PredictedTotal,
            actual_total = m.ActualTotal,
            interval_coverage = m.IntervalCoverage,
            deciles = m.Deciles,
            parameters = r.Btyd.TryGetValue(m.Model, out var b) ? b.Parameters : null,
            log_likelihood = r.Btyd.TryGetValue(m.Model, out var l) ? l.LogLikelihood : (double?)null,
            converged = r.Btyd.TryGetValue(m.Model, out var c) ? c.Converged : (bool?)null,
            by_frequency = r.Btyd.TryGetValue(m.Model, out var f) ? f.ByFrequency : null,
            tracking = r.Btyd.TryGetValue(m.Model, out var t) ? t.Tracking : null,
            next_order = r.Btyd.TryGetValue(m.Model, out var n) ? n.NextOrder : null,
        }),
        own_rhythm_next_order = r.OwnRhythm,
    };

    public static void Render(IAnsiConsole console, ClvComparison.Result r)
    {
        console.WriteLine($"customer value over the {r.HorizonDays} days after {r.CalibrationEnd:yyyy-MM-dd}, {r.Customers:N0} customers who had bought by then");
        var table = new Table().AddColumn("model").AddColumn(new TableColumn("MAE").RightAligned()).AddColumn(new TableColumn("RMSE").RightAligned())
            .AddColumn(new TableColumn("Spearman").RightAligned()).AddColumn(new TableColumn("Gini").RightAligned())
            .AddColumn(new TableColumn("predicted total").RightAligned()).AddColumn(new TableColumn("actual total").RightAligned())
            .AddColumn(new TableColumn("80% interval coverage").RightAligned());
        foreach (var m in r.Spend)
            table.AddRow(m.Model, F(m.Metrics.Mae, 2), F(m.Metrics.Rmse, 2), F(m.Metrics.Spearman, 3), F(m.Metrics.NormalizedGini, 3),
                F(m.PredictedTotal, 0), F(m.ActualTotal, 0), m.IntervalCoverage is { } c ? F(c, 3) : "");
        console.Write(table);
        foreach (var (name, b) in r.Btyd)
        {
            console.WriteLine($"{name}: {string.Join(", ", b.Parameters.Select(p => $"{p.Key} {F(p.Value, 4)}"))}; log-likelihood {F(b.LogLikelihood, 2)}{(b.Converged ? "" : " (did not converge)")}");
            console.WriteLine("  holdout purchases by calibration frequency (actual / predicted): " +
                string.Join("  ", b.ByFrequency.Select(f => $"x={f.Frequency}: {F(f.ActualMean, 2)}/{F(f.PredictedMean, 2)}")));
            if (b.Tracking.Count > 0)
            {
                var atCalibration = b.Tracking.LastOrDefault(t => t.PeriodEnd <= r.CalibrationEnd) ?? b.Tracking[0];
                var atEnd = b.Tracking[^1];
                console.WriteLine($"  cumulative repeat purchases (actual / expected): {F(atCalibration.Actual, 0)}/{F(atCalibration.Expected, 0)} by {atCalibration.PeriodEnd:yyyy-MM-dd}, " +
                                  $"{F(atEnd.Actual, 0)}/{F(atEnd.Expected, 0)} by {atEnd.PeriodEnd:yyyy-MM-dd} (`--json`: every period)");
            }
            console.WriteLine($"  next order: median error {F(b.NextOrder.MedianAbsoluteErrorDays, 1)} days over {b.NextOrder.WithDateOrdered:N0} who ordered, " +
                              $"interval coverage {F(b.NextOrder.IntervalCoverage, 3)}; {b.NextOrder.WithoutDate:N0} probably lapsed, of whom {b.NextOrder.WithoutDateOrdered:N0} ordered");
        }
        console.WriteLine($"own rhythm: next-order median error {F(r.OwnRhythm.MedianAbsoluteErrorDays, 1)} days, interval coverage {F(r.OwnRhythm.IntervalCoverage, 3)}");
    }

    static string F(double value, int digits) =>
        double.IsNaN(value) ? "—" : value.ToString("N" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
