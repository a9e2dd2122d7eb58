using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ShopLens.Insight.Features;
using ShopLens.Insight.Journeys;
using ShopLens.Insight.Overview;
using ShopLens.Server.Access;
using ShopLens.Server.Live;

namespace ShopLens.Server.Endpoints;

/// <summary>
/// <c>GET /v1/overview</c>: the dashboard's first screen — the store's size and time range, buyers, revenue and
/// conversion, customers by lifecycle stage (churn risk), and the value forecast by decile.
/// </summary>
static class OverviewEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/overview", (ShopState state) =>
        {
            var (stats, buyers, revenue) = state.Gate.Use(store =>
            {
                var s = StoreStatistics.Of(store);
                using var r = store.Query($"SELECT count(DISTINCT customer_key), coalesce(sum(revenue), 0) FROM ({Purchases.KeptSql(null)})");
                r.Read();
                return (s, r.GetInt64(0), Convert.ToDouble(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
            });
            var snapshot = state.Snapshot;
            var counted = snapshot.Outputs.Values.Where(o => o.Stage is not null).GroupBy(o => o.Stage!).ToDictionary(g => g.Key, g => g.LongCount());
            var stages = LifecycleStages.All.Select(LifecycleStages.Name).ToDictionary(n => n, n => counted.GetValueOrDefault(n));
            var present = stages.Values.Sum();
            var atRisk = stages.GetValueOrDefault("at_risk") + stages.GetValueOrDefault("churned");
            var valueModel = snapshot.Outputs.Values.SelectMany(o => o.Values.Keys).Distinct().OrderBy(m => m == "bgnbd" ? 0 : 1).ThenBy(m => m, StringComparer.Ordinal).FirstOrDefault();
            return Results.Ok(new
            {
                customers = stats.Customers,
                products = stats.Products,
                events = stats.Events,
                orders = stats.Orders,
                first_time = stats.FirstTime,
                last_time = stats.LastTime,
                buyers,
                revenue = Math.Round(revenue, 2),
                buyer_share = stats.Customers == 0 ? 0 : Math.Round((double)buyers / stats.Customers, 4),
                events_by_type = stats.EventsByType,
                top_categories = stats.TopCategories.Select(c => new { category = c.Category, events = c.Events }),
                lifecycle = stages,
                churn_risk = new { customers = atRisk, share = present == 0 ? 0 : Math.Round((double)atRisk / present, 4) },
                value = valueModel is null ? null : new { model = valueModel, deciles = Deciles(snapshot, valueModel) },
                live_events = state.Sequence,
            });
        }).RequireAuthorization(Roles.Read).WithTags("analytics").WithSummary("Headline numbers: size, buyers, revenue, lifecycle stages, churn risk, value by decile");
    }

    /// <summary>Customers ranked by forecast value in ten equal groups, highest first: their count, mean and total.</summary>
    static IEnumerable<object> Deciles(ShopSnapshot snapshot, string model)
    {
        var values = snapshot.Outputs.Values.Select(o => o.Values.GetValueOrDefault(model)?.Clv).OfType<double>().OrderDescending().ToArray();
        for (var d = 0; d < 10 && values.Length > 0; d++)
        {
            var part = values[(d * values.Length / 10)..((d + 1) * values.Length / 10)];
            yield return new { decile = d + 1, customers = part.Length, mean_clv = part.Length == 0 ? 0 : Math.Round(part.Average(), 2), total_clv = Math.Round(part.Sum(), 2) };
        }
    }
}
