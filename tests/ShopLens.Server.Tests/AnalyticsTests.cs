using System.Net;
using ShopLens.Core.Access;

namespace ShopLens.Server.Tests;

/// <summary>Segments, funnels, cohorts and model cards over HTTP, with the CLI's JSON; bad parameters as problem details.</summary>
[Trait("Issue", "7")]
public sealed class AnalyticsTests
{
    [Fact]
    public async Task Segments_funnels_cohorts_and_models_answer_with_the_cli_json()
    {
        using var shop = new ServedShop();
        var client = shop.Client(ApiKeyRole.Analyst);
        var overview = await ServedShop.Json(await client.GetAsync("/v1/overview"));
        Assert.Equal(300, overview.GetProperty("customers").GetInt64());
        Assert.True(overview.GetProperty("revenue").GetDouble() > 0);
        var lifecycle = overview.GetProperty("lifecycle");
        Assert.Equal(lifecycle.GetProperty("at_risk").GetInt64() + lifecycle.GetProperty("churned").GetInt64(), overview.GetProperty("churn_risk").GetProperty("customers").GetInt64());
        var segments = await ServedShop.Json(await client.GetAsync("/v1/segments"));
        var parity = segments.GetProperty("segmentations")[0];
        Assert.Equal("parity", parity.GetProperty("method").GetString());
        Assert.Equal(300, parity.GetProperty("segments").EnumerateArray().Sum(s => s.GetProperty("customers").GetInt64()));
        var funnel = await ServedShop.Json(await client.GetAsync("/v1/funnels?steps=view,cart,purchase&window=7d"));
        Assert.Equal(["view", "cart", "purchase"], funnel.GetProperty("funnel").EnumerateArray().Select(s => s.GetString()));
        Assert.True(funnel.GetProperty("entered").GetInt64() >= funnel.GetProperty("converted").GetInt64());
        var cohorts = await ServedShop.Json(await client.GetAsync("/v1/cohorts?period=week"));
        Assert.Equal("week", cohorts.GetProperty("period").GetString());
        Assert.True(cohorts.GetProperty("cohorts").GetArrayLength() > 0);
        var models = await ServedShop.Json(await client.GetAsync("/v1/models"));
        Assert.Equal("ease", models.GetProperty("served").GetProperty("recommender").GetString());
        Assert.Equal("ease", models.GetProperty("recommenders")[0].GetProperty("model").GetString());
        foreach (var bad in new[] { "/v1/funnels?steps=view,buy", "/v1/funnels?by=colour", "/v1/cohorts?period=day" })
        {
            var response = await client.GetAsync(bad);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Retraining_refits_in_the_background_and_serves_the_new_model()
    {
        using var shop = new ServedShop();
        var admin = shop.Client(ApiKeyRole.Admin);
        Assert.Equal(HttpStatusCode.Accepted, (await ServedShop.Post(admin, "/v1/models/retrain?model=itemknn", new { })).StatusCode);
        await ((Live.Retraining)shop.App.Services.GetService(typeof(Live.Retraining))!).Completion;
        var models = await ServedShop.Json(await admin.GetAsync("/v1/models"));
        Assert.Null(models.GetProperty("retraining").GetProperty("last").GetProperty("error").GetString());
        // The served recommender stays the one chosen at start (ease), now refitted along with the new itemknn.
        Assert.Contains(models.GetProperty("recommenders").EnumerateArray(), m => m.GetProperty("model").GetString() == "itemknn");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/v1/customers/{shop.Customer}/recommendations")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ServedShop.Post(admin, "/v1/models/retrain?model=gpt", new { })).StatusCode);
    }

    [Fact]
    public async Task Retraining_the_sequence_model_reads_the_events_ingested_since_with_the_served_settings()
    {
        using var shop = new ServedShop();
        var (admin, analyst) = (shop.Client(ApiKeyRole.Admin), shop.Client(ApiKeyRole.Analyst));
        var next = $"/v1/customers/{shop.Customer}/next";
        var served = await ServedShop.Json(await analyst.GetAsync(next));
        var product = served.GetProperty("products")[0].GetProperty("product_id").GetString()!;
        await ServedShop.Post(shop.Client(ApiKeyRole.Ingest), "/v1/events",
            new { event_id = "retrain-seq-1", customer_id = shop.Customer, product_id = product, type = "cart", timestamp = "2030-01-02T03:04:05Z" });
        var live = await ServedShop.Json(await analyst.GetAsync(next));
        Assert.Equal(1, live.GetProperty("live_events").GetInt32());

        Assert.Equal(HttpStatusCode.Accepted, (await ServedShop.Post(admin, "/v1/models/retrain?model=sequence", new { })).StatusCode);
        await ((Live.Retraining)shop.App.Services.GetService(typeof(Live.Retraining))!).Completion;

        var models = await ServedShop.Json(await admin.GetAsync("/v1/models"));
        var last = models.GetProperty("retraining").GetProperty("last");
        Assert.Null(last.GetProperty("error").GetString());
        Assert.Equal("sequence", last.GetProperty("model").GetString());
        Assert.StartsWith("sequence dim 16 blocks 1 heads 1 max length 20 epochs 1", last.GetProperty("setting").GetString());
        var refitted = await ServedShop.Json(await analyst.GetAsync(next));
        // The cart event is now history the new model was fitted with, read from the store, not a live step.
        Assert.Equal(0, refitted.GetProperty("live_events").GetInt32());
        Assert.Equal(live.GetProperty("events_read").GetInt32(), refitted.GetProperty("events_read").GetInt32());
        Assert.True(refitted.GetProperty("trained_at").GetDateTime() > served.GetProperty("trained_at").GetDateTime());
        Assert.Equal(refitted.GetProperty("trained_at").GetDateTime(), models.GetProperty("served").GetProperty("sequence_trained_at").GetDateTime());
    }
}
