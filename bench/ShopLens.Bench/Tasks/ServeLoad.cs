using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace ShopLens.Bench.Tasks;

/// <summary>
/// Load on a running <c>shoplens serve</c> from another process over loopback (bench/run_serve.sh starts both):
/// recommendations and customer lookups at a fixed arrival rate (open loop: each request's latency counts from when
/// it was due, so a stalled server is not hidden by a generator that waits for it), the most each answers with
/// a fixed number of connections, durable ingest in batches, and how soon a posted event shows in its customer's
/// profile. Customers are drawn with a fixed seed from the shop's customers file.
/// </summary>
static class ServeLoad
{
    const int Seconds = 15;
    const int WarmUpSeconds = 3;

    public static string Run(string baseUrl, string readKey, string ingestKey, string dataDirectory, int rate)
    {
        var customers = Ids(Path.Combine(dataDirectory, "customers.csv"));
        var products = Ids(Path.Combine(dataDirectory, "products.csv"));
        using var read = Client(baseUrl, readKey);
        using var ingest = Client(baseUrl, ingestKey);
        var rng = new Random(7);
        string Recs() => $"/v1/customers/{customers[rng.Next(customers.Length)]}/recommendations?k=10";
        string Lookup() => $"/v1/customers/{customers[rng.Next(customers.Length)]}";

        // Both processes start cold: a closed-loop run first lets the JIT and the pools settle, unmeasured.
        Closed(read, Recs, connections: 8, seconds: 8);
        Closed(read, Lookup, connections: 8, seconds: 4);
        var figures = new Dictionary<string, object>
        {
            ["rate_per_s"] = rate,
            ["recommendations_fixed_rate"] = FixedRate(read, Recs, rate),
            ["customer_fixed_rate"] = FixedRate(read, Lookup, rate),
            ["recommendations_max"] = Closed(read, Recs, connections: 16),
            ["customer_max"] = Closed(read, Lookup, connections: 16),
        };
        foreach (var batch in new[] { 1_000, 10_000 })
            figures[$"ingest_batch_{batch}"] = Ingest(ingest, customers, products, batch, clients: 2);
        figures["event_visible"] = Visible(ingest, read, customers, products);
        return JsonSerializer.Serialize(new { task = "SERVE", figures });
    }

    static HttpClient Client(string baseUrl, string key)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(60),
        };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    static string[] Ids(string csv) => [.. File.ReadLines(csv).Skip(1).Select(l => l.Split(',')[0])];

    /// <summary>Requests at <paramref name="rate"/> per second for the warm-up and then <see cref="Seconds"/>; latency from each request's due time.</summary>
    static object FixedRate(HttpClient http, Func<string> next, int rate)
    {
        var total = rate * (WarmUpSeconds + Seconds);
        var warm = rate * WarmUpSeconds;
        var latency = new double[total];
        var failed = 0;
        var pending = new List<Task>(total);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)i * Stopwatch.Frequency / rate;
            // Sleep to the next due time and send every request that is due: no spinning, which would take a core from the server.
            while (Stopwatch.GetTimestamp() < due) Thread.Sleep(1);
            var at = i;
            var path = next();
            pending.Add(Task.Run(async () =>
            {
                try
                {
                    using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                    if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref failed);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
                latency[at] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
            }));
        }
        var sent = Stopwatch.GetElapsedTime(start).TotalSeconds;
        Task.WaitAll(pending);
        var measured = latency[warm..];
        Array.Sort(measured);
        return new
        {
            requests = measured.Length,
            offered_per_s = Math.Round(total / sent, 0),
            failed,
            p50_ms = Round(Percentile(measured, 0.50)),
            p90_ms = Round(Percentile(measured, 0.90)),
            p99_ms = Round(Percentile(measured, 0.99)),
            p999_ms = Round(Percentile(measured, 0.999)),
            max_ms = Round(measured[^1]),
        };
    }

    /// <summary>As many requests as <paramref name="connections"/> connections, each waiting for its answer, complete in <paramref name="seconds"/> (after the warm-up).</summary>
    static object Closed(HttpClient http, Func<string> next, int connections, int seconds = Seconds)
    {
        var gate = new Lock();
        string Next()
        {
            lock (gate) return next();
        }
        var latencies = new List<double>[connections];
        var stopAt = Stopwatch.GetTimestamp() + (long)(WarmUpSeconds + seconds) * Stopwatch.Frequency;
        var measureFrom = Stopwatch.GetTimestamp() + (long)WarmUpSeconds * Stopwatch.Frequency;
        var workers = Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = [];
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(Next(), HttpCompletionOption.ResponseContentRead);
                response.EnsureSuccessStatusCode();
                if (sent >= measureFrom) mine.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
        })).ToArray();
        Task.WaitAll(workers);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new { connections, per_s = Math.Round(all.Length / (double)seconds, 0), p50_ms = Round(Percentile(all, 0.5)), p99_ms = Round(Percentile(all, 0.99)) };
    }

    /// <summary>Batches of new events from <paramref name="clients"/> clients for <see cref="Seconds"/>; every event must come back accepted.</summary>
    static object Ingest(HttpClient http, string[] customers, string[] products, int batch, int clients)
    {
        var accepted = 0L;
        var requests = 0;
        var latencies = new List<double>();
        var run = Guid.NewGuid().ToString("N")[..8];
        var stopAt = Stopwatch.GetTimestamp() + (long)Seconds * Stopwatch.Frequency;
        var start = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var rng = new Random(c);
            for (var b = 0; Stopwatch.GetTimestamp() < stopAt; b++)
            {
                var body = Body($"{run}-{batch}-{c}-{b}", batch, customers, products, rng);
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync("/v1/events", new StringContent(body, Encoding.UTF8, "application/json"));
                var text = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"ingest answered {(int)response.StatusCode}: {text}");
                var elapsed = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                using var answer = JsonDocument.Parse(text);
                var n = answer.RootElement.GetProperty("accepted").GetInt32();
                if (n != batch) throw new InvalidOperationException($"{batch - n} of {batch} events were not accepted: {text[..Math.Min(400, text.Length)]}");
                Interlocked.Add(ref accepted, n);
                Interlocked.Increment(ref requests);
                lock (latencies) latencies.Add(elapsed);
            }
        })).ToArray();
        Task.WaitAll(workers);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var sorted = latencies.Order().ToArray();
        return new
        {
            batch,
            clients,
            requests,
            events = accepted,
            events_per_s = Math.Round(accepted / seconds, 0),
            request_p50_ms = Round(Percentile(sorted, 0.5)),
            request_p99_ms = Round(Percentile(sorted, 0.99)),
        };
    }

    static string Body(string prefix, int count, string[] customers, string[] products, Random rng)
    {
        string[] types = ["view", "view", "view", "cart", "purchase"];
        var now = DateTime.UtcNow;
        var sb = new StringBuilder(count * 140).Append('[');
        for (var i = 0; i < count; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append(CultureInfo.InvariantCulture,
                $"{{\"event_id\":\"{prefix}-{i}\",\"customer_id\":\"{customers[rng.Next(customers.Length)]}\",\"product_id\":\"{products[rng.Next(products.Length)]}\",\"type\":\"{types[rng.Next(types.Length)]}\",\"timestamp\":\"{now.AddMilliseconds(i):O}\"}}");
        }
        return sb.Append(']').ToString();
    }

    /// <summary>
    /// One event posted at a time; right after its 2xx, the customer's profile is read: the time from the 2xx until a
    /// profile showing the event arrives, and whether the first read showed it.
    /// </summary>
    static object Visible(HttpClient ingest, HttpClient read, string[] customers, string[] products)
    {
        var rng = new Random(11);
        var run = Guid.NewGuid().ToString("N")[..8];
        var times = new List<double>();
        var firstRead = 0;
        const int tries = 300;
        for (var i = 0; i < tries; i++)
        {
            var customer = customers[rng.Next(customers.Length)];
            var stamp = DateTime.UtcNow.AddDays(1).AddSeconds(i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            var product = products[rng.Next(products.Length)];
            var body = $"{{\"event_id\":\"visible-{run}-{i}\",\"customer_id\":\"{customer}\",\"product_id\":\"{product}\",\"type\":\"view\",\"timestamp\":\"{stamp}\"}}";
            using (var posted = ingest.PostAsync("/v1/events", new StringContent(body, Encoding.UTF8, "application/json")).GetAwaiter().GetResult())
                posted.EnsureSuccessStatusCode();
            var answered = Stopwatch.GetTimestamp();
            for (var attempt = 0; ; attempt++)
            {
                var profile = read.GetStringAsync($"/v1/customers/{customer}").GetAwaiter().GetResult();
                using var doc = JsonDocument.Parse(profile);
                if (doc.RootElement.GetProperty("recent_events").EnumerateArray().Any(e =>
                        e.GetProperty("timestamp").GetString() == stamp && e.GetProperty("product_id").GetString() == product))
                {
                    times.Add(Stopwatch.GetElapsedTime(answered).TotalMilliseconds);
                    if (attempt == 0) firstRead++;
                    break;
                }
                if (attempt > 1000) throw new InvalidOperationException($"event visible-{run}-{i} never showed in {customer}'s profile");
            }
        }
        var sorted = times.Order().ToArray();
        return new { events = tries, visible_on_first_read = firstRead, p50_ms = Round(Percentile(sorted, 0.5)), p99_ms = Round(Percentile(sorted, 0.99)), max_ms = Round(sorted[^1]) };
    }

    static double Percentile(double[] sorted, double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];

    static double Round(double ms) => Math.Round(ms, 2);
}
