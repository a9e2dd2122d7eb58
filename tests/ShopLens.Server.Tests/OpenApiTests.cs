using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ShopLens.Server.Tests;

/// <summary>
/// The OpenAPI document the server serves is the one committed in docs/openapi.json, and it describes every route.
/// After changing the API, regenerate the file: <c>SHOPLENS_WRITE_OPENAPI=1 dotnet test tests/ShopLens.Server.Tests --filter OpenApi</c>.
/// </summary>
[Trait("Issue", "7")]
public sealed class OpenApiTests
{
    static string Committed()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ShopLens.slnx"))) dir = dir.Parent;
        Assert.True(dir is not null, $"no folder holding ShopLens.slnx above {AppContext.BaseDirectory}");
        return Path.Combine(dir.FullName, "docs", "openapi.json");
    }

    // The served document names the host it was asked on; the committed one does not.
    static string Normalised(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("servers");
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    [Fact]
    public async Task The_served_document_is_the_committed_one_and_lists_every_route()
    {
        using var shop = new ServedShop();
        var response = await shop.Client(null).GetAsync("/openapi/v1.json");
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        var served = Normalised(await response.Content.ReadAsStringAsync());
        var path = Committed();
        if (Environment.GetEnvironmentVariable("SHOPLENS_WRITE_OPENAPI") == "1") await File.WriteAllTextAsync(path, served);

        Assert.True(File.Exists(path), $"{path} is missing: run with SHOPLENS_WRITE_OPENAPI=1 to write it");
        Assert.True(served == await File.ReadAllTextAsync(path),
            "the served OpenAPI document differs from docs/openapi.json: run `SHOPLENS_WRITE_OPENAPI=1 dotnet test tests/ShopLens.Server.Tests --filter OpenApi` and commit it");

        using var doc = JsonDocument.Parse(served);
        var paths = doc.RootElement.GetProperty("paths");
        var routes = shop.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.Trim('/'))
            .Where(r => r.StartsWith("/v1/", StringComparison.Ordinal) || r.StartsWith("/health/", StringComparison.Ordinal));
        foreach (var route in routes.Distinct())
            Assert.True(paths.TryGetProperty(route, out _), $"{route} is not in the OpenAPI document");
    }
}
