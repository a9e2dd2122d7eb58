using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using ShopLens.Core.Access;
using ShopLens.Core.Store;

namespace ShopLens.Cli.Tests;

/// <summary>
/// <c>shoplens serve</c> killed with SIGKILL while clients post batches of events: every event the server answered
/// 2xx for is in the store when it is opened again.
/// </summary>
[Trait("Issue", "7")]
public sealed class KillMidIngestTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("shoplens-kill-ingest").FullName;

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task No_answered_event_is_lost_when_the_server_is_killed_mid_ingest()
    {
        var db = Path.Combine(_dir, "shop.duckdb");
        string key;
        using (var store = ShopStore.Open(db)) key = ApiKeys.Create(store, ApiKeyRole.Ingest, "kill test").Secret;
        var port = FreePort();
        using var server = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "shoplens.dll"), "serve", "--db", db, "--urls", $"http://127.0.0.1:{port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        await WaitUntilReady(http, server);

        var answered = new ConcurrentBag<string>();
        var batches = 0;
        using var stop = new CancellationTokenSource();
        async Task Post(int client)
        {
            for (var b = 0; !stop.IsCancellationRequested; b++)
            {
                var ids = Enumerable.Range(0, 200).Select(i => $"k{client}-{b}-{i}").ToArray();
                var body = ids.Select((id, i) => new
                {
                    event_id = id, customer_id = $"c{i % 50}", product_id = $"p{(b + i) % 300}", type = "view",
                    timestamp = DateTime.UnixEpoch.AddSeconds(1_800_000_000 + b * 1000 + i).ToString("O"),
                }).ToArray();
                try
                {
                    using var response = await http.PostAsJsonAsync("/v1/events", body);
                    if (!response.IsSuccessStatusCode) continue;
                    using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    var results = answer.RootElement.GetProperty("results");
                    for (var i = 0; i < ids.Length; i++)
                        if (results[i].GetProperty("status").GetString() is "accepted" or "duplicate") answered.Add(ids[i]);
                    Interlocked.Increment(ref batches);
                }
                catch (HttpRequestException)
                {
                    return; // the server is gone
                }
                catch (TaskCanceledException)
                {
                    return;
                }
            }
        }
        var clients = Enumerable.Range(0, 3).Select(c => Task.Run(() => Post(c))).ToArray();
        var clock = Stopwatch.StartNew();
        while (Volatile.Read(ref batches) < 15 && clock.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(10);
        server.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush beyond what each commit did
        await server.WaitForExitAsync();
        stop.Cancel();
        await Task.WhenAll(clients);

        Assert.True(batches >= 15, $"only {batches} batches were answered before the deadline; stderr: {server.StandardError.ReadToEnd()}");
        using var reopened = ShopStore.Open(db);
        var stored = new HashSet<string>(StringComparer.Ordinal);
        using (var r = reopened.Query("SELECT event_id FROM events"))
            while (r.Read()) stored.Add(r.GetString(0));
        var lost = answered.Where(id => !stored.Contains(id)).ToArray();
        Assert.True(lost.Length == 0, $"{lost.Length} of {answered.Count} answered events are missing, e.g. {string.Join(", ", lost.Take(5))}");
        Assert.True(answered.Count >= 15 * 200);
    }

    static async Task WaitUntilReady(HttpClient http, Process server)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (server.HasExited) Assert.Fail($"serve exited with {server.ExitCode}: {server.StandardError.ReadToEnd()}");
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        Assert.Fail("serve did not become ready within 60 s");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
