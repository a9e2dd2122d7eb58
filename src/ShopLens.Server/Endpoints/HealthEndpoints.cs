using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ShopLens.Server.Live;

namespace ShopLens.Server.Endpoints;

/// <summary>Liveness (the process answers) and readiness (the store answers a query), both public for load balancers.</summary>
static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => Results.Ok(new { status = "live" }))
            .AllowAnonymous().WithTags("health").WithSummary("The process answers (no key needed)");
        app.MapGet("/health/ready", (ShopState state) =>
        {
            try
            {
                var events = state.Gate.Use(store => store.Scalar<long>("SELECT count(*) FROM events"));
                return Results.Ok(new { status = "ready", events, snapshot_at = state.Snapshot.BuiltAt, recommender = state.Snapshot.RecommenderName });
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException || e.GetType().Name == "DuckDBException")
            {
                return Results.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "store not ready");
            }
        }).AllowAnonymous().WithTags("health").WithSummary("The store answers a query: 503 until it does (no key needed)");
    }
}
