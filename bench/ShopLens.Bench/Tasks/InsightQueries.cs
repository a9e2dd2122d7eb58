using System.Diagnostics;
using System.Text.Json;
using ShopLens.Core.Model;
using ShopLens.Core.Store;
using ShopLens.Insight.Cohorts;
using ShopLens.Insight.Features;
using ShopLens.Insight.Funnels;
using ShopLens.Insight.Journeys;

namespace ShopLens.Bench.Tasks;

/// <summary>
/// The customer-insight queries over a store (e.g. the one T1-store builds from the 5M-event file): the profile,
/// a funnel, cohorts and lifecycle stages, each timed three times in one process; the median is reported.
/// </summary>
static class InsightQueries
{
    public static string Run(string dbPath)
    {
        using var store = ShopStore.Open(dbPath);
        var funnel = new FunnelDefinition { Steps = [EventType.View, EventType.Cart, EventType.Purchase], Window = TimeSpan.FromDays(1) };
        var timings = new Dictionary<string, double>
        {
            ["profile_s"] = Median(() => CustomerProfile.Materialize(store, asOf: null)),
            ["funnel_s"] = Median(() => FunnelAnalysis.Run(store, funnel)),
            ["cohorts_month_s"] = Median(() => CohortRetention.Compute(store, new CohortOptions { Period = CohortPeriod.Month })),
            ["cohorts_week_first_seen_s"] = Median(() => CohortRetention.Compute(store, new CohortOptions { Period = CohortPeriod.Week, By = CohortBasis.FirstSeen })),
            ["stages_s"] = Median(() => Lifecycle.Count(store, asOf: null, new StageDefinitions())),
        };
        return JsonSerializer.Serialize(new Dictionary<string, object> { ["task"] = "T1-insight", ["input"] = dbPath, ["runs"] = 3 }
            .Concat(timings.Select(kv => KeyValuePair.Create(kv.Key, (object)kv.Value))).ToDictionary());
    }

    static double Median(Func<object> query)
    {
        var seconds = new double[3];
        for (var i = 0; i < seconds.Length; i++)
        {
            var clock = Stopwatch.StartNew();
            query();
            seconds[i] = clock.Elapsed.TotalSeconds;
        }
        Array.Sort(seconds);
        return Math.Round(seconds[1], 3);
    }
}
