using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using ShopLens.Core.Access;
using ShopLens.Core.Import;
using ShopLens.Core.Store;
using ShopLens.Core.Synthetic;
using ShopLens.Insight.Recommendations;
using ShopLens.Insight.Segments;
using ShopLens.Insight.Sequences;
using ShopLens.Learning.Sequence;

namespace ShopLens.Server.Tests;

/// <summary>
/// A small synthetic shop in a temporary store, with an EASE recommender, a small sequence model (unless told
/// otherwise), a saved segmentation and one API key per role, served in memory (ASP.NET Core's test server, the host WebApplicationFactory uses), or on a free loopback
/// port for a real browser.
/// </summary>
sealed class ServedShop : IDisposable
{
    readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("shoplens-server-");
    readonly WebApplication _app;

    /// <param name="adjust">Changes to the server's options.</param>
    /// <param name="onLoopback">Serve with Kestrel on a free port of 127.0.0.1 (<see cref="Address"/>) instead of the test server.</param>
    /// <param name="sequenceModel">Train and save a sequence model.</param>
    public ServedShop(Func<ServerOptions, ServerOptions>? adjust = null, bool onLoopback = false, bool sequenceModel = true)
    {
        Db = Path.Combine(_dir.FullName, "shop.duckdb");
        using (var store = ShopStore.Open(Db))
        {
            var shop = ShopSimulator.Generate(new ShopSimulatorOptions { Customers = 300, Products = 60, Days = 60, Seed = 3 }, Path.Combine(_dir.FullName, "data"));
            store.Import(new ImportRequest
            {
                Files = [.. new[] { shop.CustomersPath, shop.ProductsPath, shop.EventsPath, shop.OrdersPath, shop.OrderLinesPath, shop.ReviewsPath }
                    .Select(p => new SourceFile(p))],
            });
            var data = RecommenderTraining.Read(store);
            RecommenderTraining.Save(store, "ease", data, RecommenderTraining.Fit(data, "ease", seed: 1, threads: 2));
            if (sequenceModel)
                ShopSequenceModel.Train(store, new SequenceOptions { Dim = 16, Blocks = 1, MaxLength = 20, Epochs = 1, Threads = 2, Seed = 1 }).Save(store);
            var keys = Enumerable.Range(0, store.Customers.Count).ToArray();
            SavedSegments.Save(store, "parity", null, keys, [.. keys.Select(k => k % 2 == 0 ? "even" : "odd")]);
            foreach (var role in Enum.GetValues<ApiKeyRole>()) Keys[role] = ApiKeys.Create(store, role, $"test {role}").Secret;
            Customer = store.Customers.IdOf(0);
        }
        var options = new ServerOptions { Db = Db };
        _app = onLoopback
            ? ShopServer.Build(adjust?.Invoke(options) ?? options, ["http://127.0.0.1:0"])
            : ShopServer.Build(adjust?.Invoke(options) ?? options, configure: b => b.WebHost.UseTestServer());
        _app.StartAsync().GetAwaiter().GetResult();
        // Kestrel replaces port 0 with the one it bound.
        if (onLoopback) Address = new Uri(_app.Urls.Single());
    }

    /// <summary>Where the shop listens when served on loopback, else null.</summary>
    public Uri? Address { get; }

    public string Db { get; }

    /// <summary>A customer with history.</summary>
    public string Customer { get; }

    public Dictionary<ApiKeyRole, string> Keys { get; } = [];

    public WebApplication App => _app;

    /// <summary>A client sending <paramref name="role"/>'s key, or no key.</summary>
    public HttpClient Client(ApiKeyRole? role)
    {
        var client = Address is null ? _app.GetTestClient() : new HttpClient { BaseAddress = Address };
        if (role is { } r) client.DefaultRequestHeaders.Add("X-Api-Key", Keys[r]);
        return client;
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static Task<HttpResponseMessage> Post(HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body);

    public void Dispose()
    {
        _app.StopAsync().GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        try
        {
            _dir.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown stays in the temporary folder.
        }
    }
}
