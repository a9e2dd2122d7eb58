using System.Net;
using ShopLens.Core.Access;
using ShopLens.Core.Store;

namespace ShopLens.Server.Tests;

/// <summary>The 360° view, what analysts may see, recommendations, and a customer's data exported and erased.</summary>
[Trait("Issue", "7")]
public sealed class CustomerTests
{
    [Fact]
    public async Task Admins_see_the_whole_record_analysts_no_personal_fields()
    {
        using var shop = new ServedShop();
        var admin = await ServedShop.Json(await shop.Client(ApiKeyRole.Admin).GetAsync($"/v1/customers/{shop.Customer}"));
        var analyst = await ServedShop.Json(await shop.Client(ApiKeyRole.Analyst).GetAsync($"/v1/customers/{shop.Customer}"));
        Assert.Equal(shop.Customer, admin.GetProperty("customer_id").GetString());
        Assert.NotNull(admin.GetProperty("region").GetString());
        foreach (var personal in new[] { "region", "channel", "age_band" })
            Assert.Equal(System.Text.Json.JsonValueKind.Null, analyst.GetProperty(personal).ValueKind);
        Assert.True(admin.GetProperty("activity").GetProperty("events").GetInt64() > 0);
        Assert.Equal(admin.GetProperty("activity").GetRawText(), analyst.GetProperty("activity").GetRawText());
        Assert.Equal("even", admin.GetProperty("segments").GetProperty("parity").GetString());
        Assert.EndsWith("Z", admin.GetProperty("activity").GetProperty("last_event").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await shop.Client(ApiKeyRole.Admin).GetAsync("/v1/customers/nobody")).StatusCode);
    }

    [Fact]
    public async Task The_view_sums_up_the_customers_kept_orders()
    {
        using var shop = new ServedShop();
        var state = (Live.ShopState)shop.App.Services.GetService(typeof(Live.ShopState))!;
        // Independently of the server's query: kept orders and their lines' value, for the customer with most orders.
        var (customer, orders, revenue) = state.Gate.Use(store =>
        {
            using var r = store.Query("""
                SELECT c.customer_id, count(DISTINCT o.order_id),
                  CAST(sum(l.quantity * l.unit_price * (1 - coalesce(l.discount, 0))) AS DOUBLE PRECISION)
                FROM orders o JOIN customers c USING (customer_key) JOIN order_lines l ON l.order_id = o.order_id
                WHERE o.status NOT IN ('cancelled', 'returned')
                GROUP BY c.customer_id ORDER BY 2 DESC, 1 LIMIT 1
                """);
            r.Read();
            return (r.GetString(0), r.GetInt64(1), r.GetDouble(2));
        });
        var view = await ServedShop.Json(await shop.Client(ApiKeyRole.Analyst).GetAsync($"/v1/customers/{customer}"));
        var purchases = view.GetProperty("purchases");
        Assert.Equal(orders, purchases.GetProperty("orders").GetInt64());
        Assert.Equal(Math.Round(revenue, 2), purchases.GetProperty("revenue").GetDouble(), 2);
        Assert.Equal(Math.Round(revenue / orders, 2), purchases.GetProperty("average_order_value").GetDouble(), 2);
    }

    [Fact]
    public async Task With_a_pseudonym_key_analysts_see_and_address_customers_only_by_pseudonym()
    {
        using var shop = new ServedShop(o => o with { PseudonymKey = "a test key of enough length" });
        var analyst = shop.Client(ApiKeyRole.Analyst);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/v1/customers/{shop.Customer}")).StatusCode);
        var pseudonym = "c_" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            "a test key of enough length"u8.ToArray(), System.Text.Encoding.UTF8.GetBytes(shop.Customer)).AsSpan(0, 16));
        var view = await ServedShop.Json(await analyst.GetAsync($"/v1/customers/{pseudonym}"));
        Assert.Equal(pseudonym, view.GetProperty("customer_id").GetString());
        var recs = await ServedShop.Json(await analyst.GetAsync($"/v1/customers/{pseudonym}/recommendations?k=3"));
        Assert.Equal(pseudonym, recs.GetProperty("customer_id").GetString());
        Assert.DoesNotContain(shop.Customer, view.GetRawText() + recs.GetRawText(), StringComparison.Ordinal);
        // Admins still use real ids.
        Assert.Equal(shop.Customer, (await ServedShop.Json(await shop.Client(ApiKeyRole.Admin).GetAsync($"/v1/customers/{shop.Customer}"))).GetProperty("customer_id").GetString());
    }

    [Fact]
    public async Task Recommendations_come_k_at_a_time_with_reasons_and_a_bad_k_is_refused()
    {
        using var shop = new ServedShop();
        var client = shop.Client(ApiKeyRole.Analyst);
        var recs = await ServedShop.Json(await client.GetAsync($"/v1/customers/{shop.Customer}/recommendations?k=5"));
        Assert.Equal("ease", recs.GetProperty("model").GetString());
        var list = recs.GetProperty("recommendations").EnumerateArray().ToList();
        Assert.Equal(5, list.Count);
        Assert.All(list, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("reason").GetString())));
        var bad = await client.GetAsync($"/v1/customers/{shop.Customer}/recommendations?k=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var similar = await ServedShop.Json(await client.GetAsync($"/v1/products/{list[0].GetProperty("product_id").GetString()}/similar?k=3"));
        Assert.Equal(3, similar.GetProperty("similar").GetArrayLength());
    }

    [Fact]
    public async Task The_sequence_models_next_step_follows_an_event_posted_just_before()
    {
        using var shop = new ServedShop();
        var client = shop.Client(ApiKeyRole.Analyst);
        var before = await ServedShop.Json(await client.GetAsync($"/v1/customers/{shop.Customer}/next?k=5"));
        Assert.Equal("sequence", before.GetProperty("model").GetString());
        Assert.Equal(5, before.GetProperty("products").GetArrayLength());
        Assert.Equal(1, before.GetProperty("next_action").EnumerateObject().Sum(a => a.Value.GetDouble()), 5);
        Assert.InRange(before.GetProperty("purchase_intent").GetDouble(), 0, 1);
        Assert.Equal(0, before.GetProperty("live_events").GetInt32());
        var top = before.GetProperty("products")[0].GetProperty("product_id").GetString()!;

        // The customer buys the model's first pick: the next answer has read it, and no longer offers it.
        var posted = await ServedShop.Json(await ServedShop.Post(shop.Client(ApiKeyRole.Ingest), "/v1/events",
            new { event_id = "live-seq-1", customer_id = shop.Customer, product_id = top, type = "purchase", timestamp = "2030-01-02T03:04:05Z" }));
        Assert.Equal(1, posted.GetProperty("accepted").GetInt32());
        var after = await ServedShop.Json(await client.GetAsync($"/v1/customers/{shop.Customer}/next?k=5"));

        Assert.Equal(1, after.GetProperty("live_events").GetInt32());
        Assert.Equal(before.GetProperty("events_read").GetInt32() + 1, after.GetProperty("events_read").GetInt32());
        Assert.DoesNotContain(top, after.GetProperty("products").EnumerateArray().Select(p => p.GetProperty("product_id").GetString()));
        Assert.NotEqual(before.GetProperty("purchase_intent").GetDouble(), after.GetProperty("purchase_intent").GetDouble());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/v1/customers/{shop.Customer}/next?k=0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1/customers/nobody/next")).StatusCode);
    }

    [Fact]
    public async Task Without_a_trained_sequence_model_the_next_step_is_a_readable_404()
    {
        using var shop = new ServedShop(sequenceModel: false);
        var answer = await shop.Client(ApiKeyRole.Analyst).GetAsync($"/v1/customers/{shop.Customer}/next");
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Contains("shoplens train sequence", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Erasure_removes_the_customer_everywhere_and_export_shows_what_there_was()
    {
        using var shop = new ServedShop();
        var admin = shop.Client(ApiKeyRole.Admin);
        var export = await ServedShop.Json(await admin.GetAsync($"/v1/customers/{shop.Customer}/export"));
        var tables = export.GetProperty("tables");
        Assert.True(tables.GetProperty("events").GetArrayLength() > 0);
        Assert.Equal(shop.Customer, tables.GetProperty("customer")[0].GetProperty("customer_id").GetString());
        Assert.Equal("even", tables.GetProperty("segments")[0].GetProperty("segment").GetString());
        var erased = await ServedShop.Json(await admin.DeleteAsync($"/v1/customers/{shop.Customer}"));
        Assert.Equal(tables.GetProperty("events").GetArrayLength(), erased.GetProperty("removed").GetProperty("events").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/v1/customers/{shop.Customer}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/v1/customers/{shop.Customer}/recommendations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/v1/customers/{shop.Customer}/export")).StatusCode);
        // After a reload (as after a restart) the store itself has nothing left under the id.
        await ServedShop.Json(await ServedShop.Post(admin, "/v1/models/reload", new { }));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/v1/customers/{shop.Customer}")).StatusCode);
        var state = (Live.ShopState)shop.App.Services.GetService(typeof(Live.ShopState))!;
        var left = state.Gate.Use(store => store.Scalar<long>($"""
            SELECT (SELECT count(*) FROM customers WHERE customer_id = {SqlLiteral.Text(shop.Customer)})
                 + (SELECT count(*) FROM events WHERE customer_key = 0) + (SELECT count(*) FROM orders WHERE customer_key = 0)
                 + (SELECT count(*) FROM reviews WHERE customer_key = 0) + (SELECT count(*) FROM segments WHERE customer_key = 0)
            """));
        Assert.Equal(0, left);
    }
}
