using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ShopLens.Insight.Cohorts;
using ShopLens.Insight.Funnels;
using ShopLens.Insight.Segments;
using ShopLens.Server.Access;
using ShopLens.Server.Contracts;
using ShopLens.Server.Live;

namespace ShopLens.Server.Endpoints;

/// <summary>
/// Shop-wide analytics, computed in the store on request with the same code and JSON as the CLI:
/// <c>/v1/segments</c> (the saved segmentations), <c>/v1/funnels?steps=</c>, <c>/v1/cohorts</c>.
/// </summary>
static class AnalyticsEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/segments", (ShopState state) => Results.Ok(new
        {
            segmentations = state.Gate.Use(store =>
            {
                var saved = new List<(string Method, DateTime? AsOf)>();
                using (var r = store.Query("SELECT method, max(as_of) FROM segments GROUP BY method ORDER BY method"))
                    while (r.Read()) saved.Add((r.GetString(0), r.IsDBNull(1) ? null : r.GetDateTime(1)));
                return saved.Select(s => SegmentationJson.Of(SavedSegments.Summarize(store, s.Method, s.AsOf, []))).ToList();
            }),
        })).RequireAuthorization(Roles.Read).WithTags("analytics").WithSummary("Every saved segmentation: its segments' sizes, revenue and RFM means");

        app.MapGet("/v1/funnels", (string? steps, string? window, string? by, ShopState state) =>
        {
            FunnelDefinition funnel;
            try
            {
                funnel = new FunnelDefinition
                {
                    Steps = FunnelDefinition.ParseSteps(steps ?? "view,cart,purchase"),
                    Window = window is null ? TimeSpan.FromDays(1) : ConversionWindow.Parse(window),
                    By = by is null ? FunnelBreakdown.None : Enum.TryParse<FunnelBreakdown>(by, ignoreCase: true, out var b) && b != FunnelBreakdown.None ? b
                        : throw new ArgumentException($"by must be one of {string.Join(", ", Enum.GetNames<FunnelBreakdown>().Skip(1).Select(n => n.ToLowerInvariant()))} (got '{by}')"),
                    CorrelationTop = 0,
                };
                funnel.Validate();
            }
            catch (ArgumentException e)
            {
                return BadRequest(e.Message);
            }
            return Results.Ok(FunnelJson.Of(state.Gate.Use(store => FunnelAnalysis.Run(store, funnel))));
        }).RequireAuthorization(Roles.Read).WithTags("analytics").WithSummary("Ordered steps within a conversion window: per-step customers, conversion and timing");

        app.MapGet("/v1/cohorts", (string? period, string? basis, string? metric, ShopState state) =>
        {
            if (period is not (null or "month" or "week")) return BadRequest($"period must be month or week (got '{period}')");
            if (basis is not (null or "first_purchase" or "first_seen")) return BadRequest($"basis must be first_purchase or first_seen (got '{basis}')");
            if (metric is not (null or "customers" or "revenue")) return BadRequest($"metric must be customers or revenue (got '{metric}')");
            var options = new CohortOptions
            {
                Period = period == "week" ? CohortPeriod.Week : CohortPeriod.Month,
                By = basis == "first_seen" ? CohortBasis.FirstSeen : CohortBasis.FirstPurchase,
            };
            return Results.Ok(CohortJson.Of(state.Gate.Use(store => CohortRetention.Compute(store, options)), metric == "revenue"));
        }).RequireAuthorization(Roles.Read).WithTags("analytics").WithSummary("Retention by cohort: customers (or revenue) of each start period active in each later one");
    }

    static IResult BadRequest(string message) => Results.Problem(message, statusCode: StatusCodes.Status400BadRequest, title: "bad request");
}
