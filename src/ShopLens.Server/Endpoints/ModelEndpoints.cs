using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ShopLens.Insight.Lifetime;
using ShopLens.Insight.Predictions;
using ShopLens.Insight.Recommendations;
using ShopLens.Server.Access;
using ShopLens.Server.Live;

namespace ShopLens.Server.Endpoints;

/// <summary>
/// <c>/v1/models</c>: the model cards of what the store holds and what is served; reloading the newest saved models
/// and refitting the recommender or the sequence model, without downtime (admins).
/// </summary>
static class ModelEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("/v1/models").WithTags("models");
        models.MapGet("/", (ShopState state, Retraining retraining) =>
        {
            var (cards, values, recommenders) = state.Gate.Use(store => (SavedModels.Cards(store), SavedCustomerValue.Models(store), SavedRecommenders.List(store)));
            var snapshot = state.Snapshot;
            return Results.Ok(new
            {
                predictions = cards,
                value_models = values.Select(v => new
                {
                    model = v.Model, trained_at = v.CreatedAt, calibration_end = v.CalibrationEnd, horizon_days = v.HorizonDays,
                    summary = JsonSerializer.Deserialize<JsonElement>(v.Summary),
                }),
                recommenders = recommenders.Select(r => new { model = r.Name, setting = r.Setting, trained_at = r.CreatedAt }),
                served = new
                {
                    recommender = snapshot.RecommenderName, trained_at = snapshot.RecommenderTrainedAt, snapshot_at = snapshot.BuiltAt,
                    sequence_trained_at = snapshot.Sequences?.Model.Summary.TrainedAt,
                },
                retraining = new { running = retraining.Running, last = retraining.Last },
            });
        }).RequireAuthorization(Roles.Read).WithSummary("Model cards: prediction tasks, value models, recommenders, and which are served");

        models.MapPost("/reload", (ShopState state) =>
        {
            var snapshot = state.Reload();
            return Results.Ok(new { snapshot_at = snapshot.BuiltAt, recommender = snapshot.RecommenderName, trained_at = snapshot.RecommenderTrainedAt });
        }).RequireAuthorization(Roles.Admin).WithSummary("Loads the newest saved models and outputs and swaps them in");

        models.MapPost("/retrain", (string? model, ShopState state, Retraining retraining) =>
        {
            var name = model ?? state.Snapshot.RecommenderName ?? RecommenderCatalog.Hybrid;
            if (!Retraining.Knows(name))
                return Results.Problem($"model must be one of {string.Join(", ", RecommenderCatalog.Names.Append(Retraining.Sequence))} (got '{name}')",
                    statusCode: StatusCodes.Status400BadRequest, title: "bad model");
            return retraining.TryStart([name])
                ? Results.Accepted("/v1/models", new { retraining = name })
                : Results.Problem("a fit is running already; see GET /v1/models", statusCode: StatusCodes.Status409Conflict, title: "busy");
        }).RequireAuthorization(Roles.Admin).WithSummary("Refits a recommender on every interaction, or (model=sequence) the sequence model on every event, in the background, then serves it");
    }
}
