using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ShopLens.Learning.Btyd;

namespace ShopLens.Bench.Tasks;

/// <summary>
/// T4: BG/NBD and Gamma-Gamma (and Pareto/NBD, which the peer does not fit) on the CDNOW 39-week calibration summary (2,357 customers, weeks), as the peer
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
        var repeat = rows.Where(f => Field(f, 1) > 0).ToArray();
        var spend = new SpendHistories([.. repeat.Select(f => Field(f, 1))], [.. repeat.Select(f => Field(f, 4))]);
        var (bgFirst, bgWarm, bg) = Time(() => new BgNbdTrainer(new BgNbdOptions()).Fit(histories));
        var (ggFirst, ggWarm, gg) = Time(() => new GammaGammaTrainer(new GammaGammaOptions()).Fit(spend));
        var (pFirst, pWarm, pareto) = Time(() => new ParetoNbdTrainer(new ParetoNbdOptions()).Fit(histories));
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["task"] = "T4",
            ["peer"] = "shoplens",
            ["input"] = summaryWithTransactions,
            ["sample_bgnbd"] = Figures(bgFirst, bgWarm, histories.Count, bg.Parameters, bg.LogLikelihood),
            ["sample_gammagamma"] = Figures(ggFirst, ggWarm, spend.Count,
                new Dictionary<string, double> { ["p"] = gg.P, ["q"] = gg.Q, ["v"] = gg.Gamma }, gg.Fit.LogLikelihood),
            ["sample_pareto"] = Figures(pFirst, pWarm, histories.Count, pareto.Parameters, pareto.LogLikelihood),
        });
    }

    static Dictionary<string, object> Figures(double first, double warm, int n, IReadOnlyDictionary<string, double> parameters, double logLikelihood) => new()
    {
        ["fit_s"] = Math.Round(first, 4),
        ["refit_s"] = Math.Round(warm, 4),
        ["n"] = n,
        ["params"] = parameters.ToDictionary(p => p.Key, p => Math.Round(p.Value, 4)),
        ["loglik"] = Math.Round(logLikelihood, 2),
    };

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
