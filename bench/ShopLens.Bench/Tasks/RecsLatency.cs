using System.Diagnostics;
using System.Text.Json;
using ShopLens.Core.Store;
using ShopLens.Insight.Recommendations;
using ShopLens.Learning.Recommenders;

namespace ShopLens.Bench.Tasks;

/// <summary>
/// The time to recommend for one customer: each model fitted on every interaction in a store, then, on one thread,
/// a score for every product and the top 10 of those the customer does not have, for 1,000 customers drawn with a
/// fixed seed; median and 99th percentile in microseconds.
/// </summary>
static class RecsLatency
{
    public static string Run(string store)
    {
        using var shop = ShopStore.Open(store);
        var log = InteractionLog.Load(shop, new InteractionWeights());
        var all = log.Matrix(_ => true);
        var side = ProductFacts.Load(shop, log.ProductKeys).SideInformation();
        var acts = ActSources.For(log, [.. Enumerable.Repeat(true, log.Rows)], 1, Environment.ProcessorCount);
        var rng = new Random(7);
        var users = Enumerable.Range(0, 1000).Select(_ => rng.Next(all.Users)).ToArray();
        var figures = new Dictionary<string, object>();
        foreach (var name in new[] { "popularity", "trending", "itemknn", "ease", "als", "hybrid", "sasrec", "hybrid-sasrec" })
        {
            var fitted = RecommenderCatalog.Fit(name, all, 10, 1, Environment.ProcessorCount, side, acts);
            var scores = new float[all.Items];
            var micros = new List<double>();
            foreach (var (u, pass) in users.Select(u => (u, 0)).Concat(users.Select(u => (u, 1))))
            {
                var clock = Stopwatch.StartNew();
                fitted.Model.Score(u, all.ItemsOf(u), all.WeightsOf(u), scores);
                TopItems.Select(scores, 10, all.ItemsOf(u));
                // The first pass warms the JIT and the caches; the second is timed.
                if (pass == 1) micros.Add(clock.Elapsed.TotalMicroseconds);
            }
            micros.Sort();
            figures[name] = new { p50_us = Math.Round(micros[micros.Count / 2], 1), p99_us = Math.Round(micros[(int)(micros.Count * 0.99)], 1) };
            (fitted.Model as IDisposable)?.Dispose();
        }
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["task"] = "RECS-LATENCY", ["peer"] = "shoplens", ["input"] = store,
            ["customers"] = all.Users, ["products"] = all.Items, ["interactions"] = all.Count, ["models"] = figures,
        });
    }
}
