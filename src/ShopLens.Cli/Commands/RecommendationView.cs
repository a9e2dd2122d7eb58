using System.Globalization;
using ShopLens.Insight.Recommendations;
using Spectre.Console;

namespace ShopLens.Cli.Commands;

/// <summary><c>evaluate recs</c>'s output: one row per recommender, full-ranking metrics at K.</summary>
static class RecommendationView
{
    public static object ToJson(RecommendationEvaluation.Result r) => new Dictionary<string, object>
    {
        ["protocol"] = "full",
        ["split"] = Split(r.Protocol),
        ["k"] = r.K,
        ["customers"] = r.Customers,
        ["products"] = r.Products,
        ["train_interactions"] = r.TrainInteractions,
        ["test_users"] = r.TestUsers,
        ["test_interactions"] = r.TestInteractions,
        ["models"] = r.Models.ToDictionary(m => m.Model, m => (object)new Dictionary<string, object>
        {
            [$"ndcg_at_{r.K}"] = m.Metrics.Ndcg,
            [$"precision_at_{r.K}"] = m.Metrics.Precision,
            [$"recall_at_{r.K}"] = m.Metrics.Recall,
            [$"map_at_{r.K}"] = m.Metrics.Map,
            [$"hr_at_{r.K}"] = m.Metrics.HitRate,
            ["mrr"] = m.Metrics.Mrr,
            ["coverage"] = m.Metrics.Coverage,
            ["novelty"] = m.Metrics.Novelty,
            ["setting"] = m.Setting,
            ["validation"] = m.Tried.Select(t => new { setting = t.Label, ndcg = double.IsNaN(t.Ndcg) ? (double?)null : t.Ndcg }).ToArray(),
            ["fit_s"] = Math.Round(m.FitSeconds, 3),
            ["sampled_100_uniform"] = new Dictionary<string, object>
            {
                ["protocol"] = "sampled_100_uniform",
                [$"hr_at_{r.K}"] = m.Sampled.HitRate,
                [$"ndcg_at_{r.K}"] = m.Sampled.Ndcg,
                ["pairs"] = m.Sampled.Pairs,
            },
        }),
    };

    public static void Render(IAnsiConsole console, RecommendationEvaluation.Result r)
    {
        console.WriteLine($"{Split(r.Protocol)} split: {r.TrainInteractions:N0} training interactions of {r.Customers:N0} customers and {r.Products:N0} products; " +
                          $"{r.TestInteractions:N0} held out for {r.TestUsers:N0} customers; every product ranked (full ranking), top {r.K} judged");
        var table = new Table().AddColumn("model");
        foreach (var column in new[] { $"NDCG@{r.K}", $"P@{r.K}", $"R@{r.K}", $"MAP@{r.K}", $"HR@{r.K}", "MRR", "coverage", "novelty", "fit s" })
            table.AddColumn(new TableColumn(column).RightAligned());
        table.AddColumn("setting (chosen on the training data)");
        foreach (var m in r.Models)
        {
            var x = m.Metrics;
            table.AddRow(m.Model, F(x.Ndcg), F(x.Precision), F(x.Recall), F(x.Map), F(x.HitRate), F(x.Mrr), F(x.Coverage), x.Novelty.ToString("F2", CultureInfo.InvariantCulture),
                m.FitSeconds.ToString("F1", CultureInfo.InvariantCulture), Markup.Escape(m.Setting));
        }
        console.Write(table);
        console.WriteLine($"for comparison with papers only, each held-out product against 100 random ones (sampled_100_uniform): " +
            string.Join(", ", r.Models.Select(m => $"{m.Model} HR@{r.K} {F(m.Sampled.HitRate)} NDCG@{r.K} {F(m.Sampled.Ndcg)}")));
    }

    static string Split(SplitProtocol protocol) => protocol switch
    {
        SplitProtocol.PerUserRandom => "per-user-random",
        SplitProtocol.LeaveLastOut => "leave-last-out",
        _ => "time",
    };

    static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
