using System.Net;
using System.Text;
using System.Text.Json;
using ShopLens.Core.Access;
using ShopLens.Core.Store;

namespace ShopLens.Server.Tests;

/// <summary><c>POST /v1/events</c>: per-event outcomes, idempotence, and the live path into profiles and recommendations.</summary>
[Trait("Issue", "7")]
public sealed class EventTests
{
    static object Event(string id, string customer, string type, string? product, string timestamp) =>
        new { event_id = id, customer_id = customer, product_id = product, type, timestamp };

    static long StoredEvents(ServedShop shop, string where) =>
        shop.App.Services.GetService(typeof(Live.ShopState)) is Live.ShopState state
            ? state.Gate.Use(store => store.Scalar<long>($"SELECT count(*) FROM events WHERE {where}"))
            : throw new InvalidOperationException("no state");

    [Fact]
    public async Task An_accepted_event_is_stored_and_in_the_profile_at_once()
    {
        using var shop = new ServedShop();
        var admin = shop.Client(ApiKeyRole.Admin);
        var before = await ServedShop.Json(await admin.GetAsync($"/v1/customers/{shop.Customer}"));
        var events = before.GetProperty("activity").GetProperty("events").GetInt64();

        var answer = await ServedShop.Json(await ServedShop.Post(shop.Client(ApiKeyRole.Ingest), "/v1/events",
            Event("live-1", shop.Customer, "cart", "P0001", "2030-01-02T03:04:05Z")));

        Assert.Equal(1, answer.GetProperty("accepted").GetInt32());
        Assert.Equal("accepted", answer.GetProperty("results")[0].GetProperty("status").GetString());
        Assert.Equal(1, StoredEvents(shop, "event_id = 'live-1'"));
        var after = await ServedShop.Json(await admin.GetAsync($"/v1/customers/{shop.Customer}"));
        var activity = after.GetProperty("activity");
        Assert.Equal(events + 1, activity.GetProperty("events").GetInt64());
        Assert.Equal("2030-01-02T03:04:05Z", activity.GetProperty("last_event").GetString());
        var newest = after.GetProperty("recent_events")[0];
        Assert.Equal(("cart", "P0001"), (newest.GetProperty("type").GetString(), newest.GetProperty("product_id").GetString()));
    }

    [Fact]
    public async Task A_retried_batch_adds_nothing_and_counts_nothing_twice()
    {
        using var shop = new ServedShop();
        var ingest = shop.Client(ApiKeyRole.Ingest);
        object[] batch = [Event("r-1", "new-customer", "view", "P0002", "2030-01-01T00:00:00Z"), Event("r-2", "new-customer", "cart", "P0002", "2030-01-01T00:01:00Z")];
        await ServedShop.Json(await ServedShop.Post(ingest, "/v1/events", batch));
        var retry = await ServedShop.Json(await ServedShop.Post(ingest, "/v1/events", new { events = batch }));

        Assert.Equal((0, 2), (retry.GetProperty("accepted").GetInt32(), retry.GetProperty("duplicates").GetInt32()));
        Assert.All(retry.GetProperty("results").EnumerateArray(), r => Assert.Equal("duplicate", r.GetProperty("status").GetString()));
        Assert.Equal(2, StoredEvents(shop, "event_id LIKE 'r-%'"));
        var view = await ServedShop.Json(await shop.Client(ApiKeyRole.Admin).GetAsync("/v1/customers/new-customer"));
        Assert.Equal(2, view.GetProperty("activity").GetProperty("events").GetInt64());
        Assert.Equal(1, view.GetProperty("activity").GetProperty("sessions").GetInt64());
    }

    [Fact]
    public async Task Each_event_gets_its_outcome_and_rejected_ones_their_reason()
    {
        using var shop = new ServedShop();
        object[] batch =
        [
            Event("m-1", shop.Customer, "view", "P0003", "2030-01-01T00:00:00Z"),
            Event("m-2", shop.Customer, "teleport", "P0003", "2030-01-01T00:00:00Z"),
            new { customer_id = shop.Customer, type = "view", timestamp = "2030-01-01T00:00:00Z" },
            "not an object",
            new { event_id = "m-3", customer_id = shop.Customer, type = "view", timestamp = 1893456000, price = 12.5, utm = "x" },
        ];
        var answer = await ServedShop.Json(await ServedShop.Post(shop.Client(ApiKeyRole.Ingest), "/v1/events", batch));

        var results = answer.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(["accepted", "rejected", "rejected", "rejected", "accepted"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(("unknown_type", "type"), (results[1].GetProperty("reason").GetString(), results[1].GetProperty("field").GetString()));
        Assert.Equal(("missing", "event_id"), (results[2].GetProperty("reason").GetString(), results[2].GetProperty("field").GetString()));
        Assert.Equal("unreadable", results[3].GetProperty("reason").GetString());
        Assert.Contains("teleport", results[1].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(["utm"], answer.GetProperty("ignored_fields").EnumerateArray().Select(f => f.GetString()));
        Assert.EndsWith("-api.rejects.csv", answer.GetProperty("rejects_file").GetString(), StringComparison.Ordinal);
        Assert.Equal(12.5, shop.App.Services.GetService(typeof(Live.ShopState)) is Live.ShopState s
            ? s.Gate.Use(store => store.Scalar<double>("SELECT price FROM events WHERE event_id = 'm-3'")) : 0);
        var rejects = Directory.GetFiles(shop.Db + ".rejects", "*-api.rejects.csv").Single();
        Assert.Equal(4, File.ReadAllLines(rejects).Length);
    }

    [Fact]
    public async Task A_new_customers_events_drive_their_recommendations_before_any_retraining()
    {
        using var shop = new ServedShop();
        var analyst = shop.Client(ApiKeyRole.Analyst);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync("/v1/customers/walk-in/recommendations?k=5")).StatusCode);
        var popular = await ServedShop.Json(await analyst.GetAsync($"/v1/customers/{shop.Customer}/recommendations?k=3"));
        var products = popular.GetProperty("recommendations").EnumerateArray().Select(r => r.GetProperty("product_id").GetString()!).ToArray();

        await ServedShop.Json(await ServedShop.Post(shop.Client(ApiKeyRole.Ingest), "/v1/events",
            products.Select((p, i) => Event($"w-{i}", "walk-in", "purchase", p, $"2030-01-01T00:0{i}:00Z")).ToArray()));
        var recs = await ServedShop.Json(await analyst.GetAsync("/v1/customers/walk-in/recommendations?k=5"));

        Assert.Equal(products.Length, recs.GetProperty("live_events").GetInt32());
        var list = recs.GetProperty("recommendations").EnumerateArray().ToArray();
        Assert.Equal(5, list.Length);
        // Scored from the purchases just posted: the reasons point at them.
        Assert.Contains(list, r => r.GetProperty("reason").GetString()!.Contains("bought", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_bodies_and_oversized_batches_are_refused_whole()
    {
        using var shop = new ServedShop(o => o with { MaxEventsPerRequest = 3 });
        var ingest = shop.Client(ApiKeyRole.Ingest);
        var broken = await ingest.PostAsync("/v1/events", new StringContent("{\"event_id\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("application/problem+json", broken.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, (await ServedShop.Post(ingest, "/v1/events", Array.Empty<object>())).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ServedShop.Post(ingest, "/v1/events", 42)).StatusCode);
        var tooMany = await ServedShop.Post(ingest, "/v1/events",
            Enumerable.Range(0, 4).Select(i => Event($"t-{i}", "c", "view", null, "2030-01-01T00:00:00Z")).ToArray());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooMany.StatusCode);
        Assert.Equal(0, StoredEvents(shop, "event_id LIKE 't-%'"));
        using var doc = JsonDocument.Parse(await tooMany.Content.ReadAsStringAsync());
        Assert.Contains("at most 3", doc.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
