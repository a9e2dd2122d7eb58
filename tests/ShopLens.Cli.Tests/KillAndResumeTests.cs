using System.Diagnostics;
using System.Globalization;
using System.Text;
using ShopLens.Core.Model;
using ShopLens.Core.Store;

namespace ShopLens.Cli.Tests;

/// <summary>
/// An import killed with SIGKILL at any point leaves the store with whole committed batches only, and running the
/// same import again ends with exactly the store a clean import builds.
/// </summary>
[Trait("Issue", "2")]
public sealed class KillAndResumeTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("shoplens-kill").FullName;

    string WriteEvents(int rows)
    {
        var path = Path.Combine(_dir, "events.csv");
        var rng = new Random(11);
        var types = new[] { "view", "cart", "purchase" };
        var sb = new StringBuilder("customer_id,product_id,type,timestamp,price\n");
        for (var i = 0; i < rows; i++)
        {
            // A few exact repeats and a few bad rows, so that every outcome is part of the comparison.
            if (i % 5000 == 4999) { sb.Append("c1,p1,view,not-a-date,1\n"); continue; }
            var t = 1_700_000_000L + i / 3;
            sb.Append(CultureInfo.InvariantCulture, $"c{rng.Next(20_000)},p{rng.Next(3_000)},{types[rng.Next(3)]},{t},{rng.Next(100, 99_999) / 100.0:0.00}\n");
            if (i % 7000 == 0) sb.Append(CultureInfo.InvariantCulture, $"c1,p1,view,{t},1.00\nc1,p1,view,{t},1.00\n");
        }
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    static ProcessStartInfo Import(string db, string file) => new("dotnet")
    {
        ArgumentList = { Path.Combine(AppContext.BaseDirectory, "shoplens.dll"), "import", "--db", db, "--batch-rows", "20000", "--json", file },
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
    };

    // The store's content in the shop's own ids, independent of the order keys were given out in.
    static string Content(string db)
    {
        using var store = ShopStore.Open(db);
        var sb = new StringBuilder();
        foreach (var sql in new[]
        {
            "SELECT count(*), count(DISTINCT customer_id) FROM customers",
            "SELECT count(*), count(DISTINCT product_id) FROM products",
            """
            SELECT count(*), sum(hash(c.customer_id, p.product_id, e.type, e.ts, e.price))
            FROM events e JOIN customers c USING (customer_key) JOIN products p USING (product_key)
            """,
        })
        {
            using var r = store.Query(sql);
            r.Read();
            sb.Append(CultureInfo.InvariantCulture, $"{r.GetValue(0)}|{r.GetValue(1)};");
        }
        return sb.ToString();
    }

    [Fact]
    public void Killed_imports_keep_whole_batches_and_a_rerun_completes_them_exactly()
    {
        var file = WriteEvents(300_000);
        var clean = Path.Combine(_dir, "clean.duckdb");
        var clock = Stopwatch.StartNew();
        using (var p = Process.Start(Import(clean, file))!)
        {
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, p.StandardError.ReadToEnd());
        }
        var cleanMs = clock.Elapsed.TotalMilliseconds;
        var expected = Content(clean);

        var killed = 0;
        var partial = 0;
        long total;
        using (var store = ShopStore.Open(clean)) total = store.Scalar<long>("SELECT count(*) FROM events");
        // Kill points spread over the import as this machine runs it (process start-up included). A busy machine can
        // make the clean import slower than the later ones: an import that finished before its kill is tried again sooner.
        foreach (var share in new[] { 0.35, 0.5, 0.65, 0.8, 0.9 })
        {
            var delayMs = (int)(cleanMs * share);
            string db;
            var wasKilled = false;
            for (var attempt = 0; ; attempt++, delayMs = delayMs * 2 / 3)
            {
                db = Path.Combine(_dir, $"killed-{share}-{attempt}.duckdb");
                using var p = Process.Start(Import(db, file))!;
                if (!p.WaitForExit(delayMs))
                {
                    p.Kill(entireProcessTree: true);
                    wasKilled = true;
                }
                p.WaitForExit();
                if (wasKilled || attempt == 4) break;
            }
            if (wasKilled) killed++;
            // The store reopens, and holds exactly what its committed batches say they accepted.
            if (File.Exists(db))
            {
                using var store = ShopStore.Open(db);
                var events = store.Scalar<long>("SELECT count(*) FROM events");
                var accepted = store.Scalar<long>("SELECT coalesce(sum(accepted), 0) FROM import_batches WHERE target = 'events'");
                Assert.Equal(accepted, events);
                if (events > 0 && events < total) partial++;
                Assert.Equal(0, store.Scalar<long>("SELECT count(*) FROM events WHERE batch_id NOT IN (SELECT batch_id FROM import_batches)"));
            }
            using (var p = Process.Start(Import(db, file))!)
            {
                p.WaitForExit();
                Assert.True(p.ExitCode == 0, p.StandardError.ReadToEnd());
            }
            Assert.Equal(expected, Content(db));
        }
        Assert.True(killed >= 2, $"only {killed} of the imports were still running when killed; the test no longer tests a kill");
        Assert.True(partial >= 1, "no kill landed between batches; the test no longer tests resuming");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
