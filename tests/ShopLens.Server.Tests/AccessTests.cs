using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ShopLens.Core.Access;

namespace ShopLens.Server.Tests;

/// <summary>Every route's key and role rules, key management over the API, and per-key rate limits.</summary>
[Trait("Issue", "7")]
public sealed class AccessTests
{
    /// <summary>Each route with a concrete path and the roles that may use it; none is public but health, the OpenAPI document and the dashboard's page and files (which call the API with the key the user enters).</summary>
    static readonly (string Method, string Path, ApiKeyRole[] Allowed)[] Routes =
    [
        ("GET", "/v1/customers/{id}", [ApiKeyRole.Admin, ApiKeyRole.Analyst]),
        ("GET", "/v1/customers/{id}/recommendations", [ApiKeyRole.Admin, ApiKeyRole.Analyst]),
        ("GET", "/v1/customers/{id}/next", [ApiKeyRole.Admin, ApiKeyRole.Analyst]),
        ("GET", "/v1/customers/{id}/export", [ApiKeyRole.Admin]),
        ("DELETE", "/v1/customers/{id}", [ApiKeyRole.Admin]),
        ("GET", "/v1/products/{id}/similar", [ApiKeyRole.Admin, ApiKeyRole.Analyst]),
        ("GET", "/v1/overview", [ApiKeyRole.Admin, ApiKeyRole.Analyst]),
        ("GET", "/v1/segments", [ApiKeyRole.Admin, ApiKeyRole.Analyst]),
        ("GET", "/v1/funnels", [ApiKeyRole.Admin, ApiKeyRole.Analyst]),
        ("GET", "/v1/cohorts", [ApiKeyRole.Admin, ApiKeyRole.Analyst]),
        ("GET", "/v1/models/", [ApiKeyRole.Admin, ApiKeyRole.Analyst]),
        ("POST", "/v1/models/reload", [ApiKeyRole.Admin]),
        ("POST", "/v1/models/retrain", [ApiKeyRole.Admin]),
        ("GET", "/v1/keys/", [ApiKeyRole.Admin]),
        ("POST", "/v1/keys/", [ApiKeyRole.Admin]),
        ("DELETE", "/v1/keys/{keyId}", [ApiKeyRole.Admin]),
        ("POST", "/v1/events", [ApiKeyRole.Admin, ApiKeyRole.Ingest]),
    ];

    static readonly string[] Public = ["/health/live", "/health/ready", "/openapi/{documentName}.json", "/", "/assets/{file}"];

    [Fact]
    public void The_table_names_every_route_the_server_maps()
    {
        using var shop = new ServedShop();
        var mapped = shop.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (Method: m, Path: "/" + e.RoutePattern.RawText!.TrimStart('/'), Anonymous: e.Metadata.GetMetadata<IAllowAnonymous>() is not null)))
            .ToList();
        Assert.Equal(Routes.Select(r => $"{r.Method} {r.Path}").Order(), mapped.Where(m => !m.Anonymous).Select(m => $"{m.Method} {m.Path}").Order());
        Assert.Equal(Public.Order(), mapped.Where(m => m.Anonymous).Select(m => m.Path).Distinct().Order());
    }

    [Fact]
    public async Task Every_route_answers_401_without_a_valid_key_and_403_to_the_wrong_role()
    {
        using var shop = new ServedShop();
        foreach (var (method, template, allowed) in Routes)
        {
            var path = template.Replace("{id}", shop.Customer).Replace("{keyId}", "000000000000");
            var anonymous = await shop.Client(null).SendAsync(Request(method, path));
            Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} without a key: {(int)anonymous.StatusCode}");
            var forged = shop.Client(null);
            forged.DefaultRequestHeaders.Add("X-Api-Key", shop.Keys[ApiKeyRole.Admin][..^1] + (shop.Keys[ApiKeyRole.Admin][^1] == 'A' ? 'B' : 'A'));
            Assert.Equal(HttpStatusCode.Unauthorized, (await forged.SendAsync(Request(method, path))).StatusCode);
            foreach (var role in Enum.GetValues<ApiKeyRole>().Where(r => !allowed.Contains(r)))
            {
                var denied = await shop.Client(role).SendAsync(Request(method, path));
                Assert.True(denied.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} as {role}: {(int)denied.StatusCode}");
            }
        }
        Assert.Equal(HttpStatusCode.OK, (await shop.Client(null).GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await shop.Client(null).GetAsync("/health/ready")).StatusCode);
    }

    static HttpRequestMessage Request(string method, string path) =>
        new(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { }) : null };

    [Fact]
    public async Task A_key_created_over_the_api_works_at_once_and_stops_when_revoked()
    {
        using var shop = new ServedShop();
        var admin = shop.Client(ApiKeyRole.Admin);
        var created = await ServedShop.Json(await ServedShop.Post(admin, "/v1/keys", new { role = "analyst", name = "dashboard" }));
        var analyst = shop.Client(null);
        analyst.DefaultRequestHeaders.Add("X-Api-Key", created.GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/v1/segments")).StatusCode);
        var listed = await ServedShop.Json(await admin.GetAsync("/v1/keys"));
        Assert.DoesNotContain(created.GetProperty("key").GetString()!, listed.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/v1/keys/{created.GetProperty("key_id").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await analyst.GetAsync("/v1/segments")).StatusCode);
        var bad = await ServedShop.Post(admin, "/v1/keys", new { role = "owner" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("admin, analyst, ingest", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_over_its_rate_gets_429_with_retry_after_and_other_keys_do_not()
    {
        using var shop = new ServedShop(o => o with { RequestsPerSecondPerKey = 1 });
        var analyst = shop.Client(ApiKeyRole.Analyst);
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) codes.Add((await analyst.GetAsync($"/v1/products/none/similar")).StatusCode);
        // A bucket of two: the first two pass (404, no such product), the rest wait.
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], codes);
        var limited = await analyst.GetAsync("/v1/segments");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await shop.Client(ApiKeyRole.Admin).GetAsync("/v1/segments")).StatusCode);
    }
}
