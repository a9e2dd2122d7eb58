using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ShopLens.Learning.Btyd;

namespace ShopLens.Bench.Tasks;

/// <summary>
/// T4: BG/NBD (and Gamma-Gamma) on the CDNOW 39-week calibration summary (2,357 customers, weeks), as the peer
/// peers/t4_clv.py fits them with lifetimes: fit times (first fit of the process, JIT included, and the median of 5
/// warm refits), parameters and log-likelihoods.
/// </summary>
static class T4Clv
{
    public static string Run(string summaryWithTransactions)
    {
        var rows = File.ReadLines(summaryWithTransactions).Skip(1).Select(l => l.Split(',')).ToArray();
        double Field(string[] f, int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
        var histories = new CustomerHistories([.. rows.Select(f => Field(f, 1))], [.. rows.Select(f => Field(f, 2))], [.. rows.Select(f => Field(f, 3))]);
        var (first, warm, model) = Time(() => new BgNbdTrainer(new BgNbdOptions()).Fit(histories));
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["task"] = "T4",
            ["peer"] = "shoplens",
            ["input"] = summaryWithTransactions,
            ["sample_bgnbd"] = new Dictionary<string, object>
            {
                ["fit_s"] = Math.Round(first, 4),
                ["refit_s"] = Math.Round(warm, 4),
                ["n"] = histories.Count,
                ["params"] = new Dictionary<string, double> { ["r"] = Math.Round(model.R, 4), ["alpha"] = Math.Round(model.Alpha, 4), ["a"] = Math.Round(model.A, 4), ["b"] = Math.Round(model.B, 4) },
                ["loglik"] = Math.Round(model.LogLikelihood, 2),
            },
        });
    }

    static (double First, double WarmMedian, T Result) Time<T>(Func<T> fit)
    {
        var clock = Stopwatch.StartNew();
        var result = fit();
        var first = clock.Elapsed.TotalSeconds;
        var warm = new double[5];
        for (var i = 0; i < warm.Length; i++)
        {
            clock.Restart();
            fit();
            warm[i] = clock.Elapsed.TotalSeconds;
        }
        Array.Sort(warm);
        return (first, warm[2], result);
    }
}
