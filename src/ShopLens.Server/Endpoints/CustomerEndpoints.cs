using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using ShopLens.Insight.Privacy;
using ShopLens.Server.Access;
using ShopLens.Server.Contracts;
using ShopLens.Server.Live;

namespace ShopLens.Server.Endpoints;

/// <summary>
/// <c>/v1/customers/{id}</c>: the 360° view and recommendations (analysts and admins), and a customer's data exported
/// or erased everywhere (admins).
/// </summary>
static class CustomerEndpoints
{
    public const int MaxRecommendations = 100;

    public static void Map(IEndpointRouteBuilder app)
    {
        var customers = app.MapGroup("/v1/customers").WithTags("customers");
        customers.MapGet("/{id}", (string id, ClaimsPrincipal user, ShopState state) =>
        {
            var caller = new Caller(user, state);
            return Known(caller.Resolve(id), state) is { } customer ? Results.Ok(CustomerView.Of(customer, state, caller)) : NotFound(id);
        }).RequireAuthorization(Roles.Read).WithSummary("A customer's 360° view: record, purchases, live activity, segments, stage, scores, value");

        customers.MapGet("/{id}/recommendations", (string id, int? k, ClaimsPrincipal user, ShopState state) =>
        {
            var count = k ?? 10;
            if (count is < 1 or > MaxRecommendations)
                return Results.Problem($"k must be between 1 and {MaxRecommendations} (got {count})", statusCode: StatusCodes.Status400BadRequest, title: "bad k");
            var caller = new Caller(user, state);
            if (Known(caller.Resolve(id), state) is not { } customer) return NotFound(id);
            var snapshot = state.Snapshot;
            if (snapshot.Recommender is not { } recommender)
                return Results.Problem("no trained recommender: run `shoplens train recs` and reload", statusCode: StatusCodes.Status404NotFound, title: "no recommender");
            var recent = state.Live.Find(customer)?.ActsAfter(snapshot.Sequence) ?? [];
            var list = recommender.Recommend(customer, count, recent);
            return Results.Ok(new
            {
                customer_id = caller.Show(customer),
                model = snapshot.RecommenderName,
                trained_at = snapshot.RecommenderTrainedAt,
                live_events = recent.Count,
                recommendations = list.Select(r => new { product_id = r.ProductId, title = r.Title, score = r.Score, reason = r.Reason }),
            });
        }).RequireAuthorization(Roles.Read).WithSummary("Products for the customer after the shop's rules, each with its reason; reflects events ingested since training");

        customers.MapGet("/{id}/next", (string id, int? k, [FromQuery(Name = "include_bought")] bool? includeBought, ClaimsPrincipal user, ShopState state) =>
        {
            var count = k ?? 10;
            if (count is < 1 or > MaxRecommendations)
                return Results.Problem($"k must be between 1 and {MaxRecommendations} (got {count})", statusCode: StatusCodes.Status400BadRequest, title: "bad k");
            var caller = new Caller(user, state);
            if (Known(caller.Resolve(id), state) is not { } customer) return NotFound(id);
            if (state.Snapshot.Sequences is not { } sequences)
                return Results.Problem("no trained sequence model: run `shoplens train sequence` and reload", statusCode: StatusCodes.Status404NotFound, title: "no sequence model");
            try
            {
                var (next, live) = sequences.Next(state, customer, count, includeBought ?? false);
                return Results.Ok(new
                {
                    customer_id = caller.Show(customer),
                    model = "sequence",
                    trained_at = sequences.Model.Summary.TrainedAt,
                    products = next.Products.Select(p => new { product_id = p.ProductId, probability = p.Probability }),
                    next_action = next.NextAction,
                    purchase_intent = next.PurchaseIntent,
                    intent_horizon_days = next.IntentHorizonDays,
                    events_read = next.EventsRead,
                    events_unknown = next.EventsUnknown,
                    live_events = live,
                });
            }
            catch (KeyNotFoundException e)
            {
                return Results.Problem(e.Message, statusCode: StatusCodes.Status404NotFound, title: "no history the model knows");
            }
        }).RequireAuthorization(Roles.Read)
            .WithSummary("The sequence model's next step for the customer: likeliest next products, next action, purchase intent; follows events ingested since training live");

        customers.MapGet("/{id}/export", (string id, ShopState state) =>
            state.IsErased(id) || state.Gate.Use(store => CustomerRecords.Export(store, id)) is not { } records ? NotFound(id) : Results.Ok(new { customer_id = id, tables = records }))
            .RequireAuthorization(Roles.Admin).WithSummary("Every row the store holds about the customer, by table");

        customers.MapDelete("/{id}", (string id, ShopState state) =>
        {
            if (state.IsErased(id) || state.Gate.Use(store => CustomerRecords.Erase(store, id)) is not { } removed) return NotFound(id);
            state.MarkErased(id);
            return Results.Ok(new { customer_id = id, erased = true, removed });
        }).RequireAuthorization(Roles.Admin).WithSummary("Erases the customer's data everywhere: record, events, orders, reviews, segments, scores, value forecasts");
    }

    /// <summary>The id if the server knows the customer (the snapshot or a live event), else null.</summary>
    static string? Known(string? id, ShopState state) =>
        id is not null && (state.Snapshot.Customers.ContainsKey(id) || state.Live.Find(id) is not null) ? id : null;

    static IResult NotFound(string id) =>
        Results.Problem($"no customer '{id}'", statusCode: StatusCodes.Status404NotFound, title: "unknown customer");
}
