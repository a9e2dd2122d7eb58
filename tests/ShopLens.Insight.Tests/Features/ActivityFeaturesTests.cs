using System.Globalization;
using System.Text;
using ShopLens.Core.Import;
using ShopLens.Core.Import.Columnar;
using ShopLens.Core.Model;
using ShopLens.Core.Store;
using ShopLens.Insight.Features;

namespace ShopLens.Insight.Tests.Features;

/// <summary>
/// The in-memory path (EventLogReader + ActivityFeatures, the T1 benchmark's) agrees with itself on one and two
/// threads, and with the store's SQL profile on the same events.
/// </summary>
[Trait("Issue", "2")]
public sealed class ActivityFeaturesTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("shoplens-activity").FullName;
    static readonly IReadOnlyDictionary<string, string> Map = ImportRequest.ParseMap("user=customer_id,item=product_id,cat=category,kind=type,ts=timestamp");

    // ~12 MB so that the reader splits it; ids mix plain numbers, leading zeros and text, so both dictionary paths and
    // the merge of the parts' dictionaries are exercised. Every (user, item, kind, ts) is unique: no duplicates.
    string WriteEvents(int rows, int badEvery)
    {
        var path = Path.Combine(_dir, "events.csv");
        var rng = new Random(7);
        var kinds = new[] { "view", "cart", "purchase", "favorite" };
        var sb = new StringBuilder("user,item,cat,kind,ts,price\n");
        for (var i = 0; i < rows; i++)
        {
            if (i % badEvery == badEvery - 1)
            {
                sb.Append("u1,p1,c1,teleport,1600000000,1\n");
                continue;
            }
            var u = rng.Next(5000);
            var user = (u % 3) switch { 0 => u.ToString(CultureInfo.InvariantCulture), 1 => "0" + u, _ => "u" + u };
            var item = rng.Next(2000);
            var cat = item % 37 == 0 ? "" : "c" + (item % 50);
            var price = (rng.Next(1, 100000) / 100.0).ToString("0.00", CultureInfo.InvariantCulture);
            sb.Append(CultureInfo.InvariantCulture, $"{user},{item},{cat},{kinds[rng.Next(kinds.Length)]},{1_600_000_000L + i},{price}\n");
        }
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    static Dictionary<string, (int Events, int View, int Purchase, int Items, int Categories, double Revenue, long First, long Last)> ByCustomer(EventLog log)
    {
        var f = ActivityFeatures.Compute(log);
        return Enumerable.Range(0, log.CustomerIds.Count).ToDictionary(c => log.CustomerIds[c],
            c => (f.Events[c], f.Count(c, EventType.View), f.Count(c, EventType.Purchase), f.Items[c], f.Categories[c],
                  Math.Round(f.Revenue[c], 2), f.FirstMicros[c], f.LastMicros[c]));
    }

    [Fact]
    public void Two_threads_read_the_same_log_as_one()
    {
        var path = WriteEvents(400_000, 1000);
        Assert.True(new FileInfo(path).Length > 8 << 20, "the file must be large enough to be split");
        var one = EventLogReader.Read(new SourceFile(path), Map, threads: 1);
        var two = EventLogReader.Read(new SourceFile(path), Map, threads: 2);
        Assert.Equal(400_000, one.Read);
        Assert.Equal(400, one.Rejected);
        Assert.Equal(400, one.ByReason["unknown_type:type"]);
        Assert.Equal(one.Count, two.Count);
        Assert.Equal(one.Rejected, two.Rejected);
        var a = ByCustomer(one);
        var b = ByCustomer(two);
        Assert.Equal(a.Count, b.Count);
        foreach (var (id, features) in a) Assert.Equal(features, b[id]);
        // "7", "07" and "u7" are three customers, not one.
        Assert.Contains("0" + 1, a.Keys);
        Assert.DoesNotContain("1", a.Keys);
    }

    [Fact]
    public void In_memory_features_equal_the_store_profile()
    {
        var path = WriteEvents(60_000, 997);
        var log = EventLogReader.Read(new SourceFile(path), Map);
        var memory = ByCustomer(log);

        using var store = ShopStore.Open(Path.Combine(_dir, "s.duckdb"));
        var report = store.Import(new ImportRequest { Files = [new SourceFile(path)], Table = "events", Map = Map });
        Assert.Equal(log.Count, report.Accepted);
        // The events file carries categories only through the log reader; give the store the same products.
        var products = Path.Combine(_dir, "products.csv");
        File.WriteAllLines(products, ["product_id,category", .. Enumerable.Range(0, 2000).Select(i => $"{i},{(i % 37 == 0 ? "" : "c" + (i % 50))}")]);
        store.Import(new ImportRequest { Files = [new SourceFile(products)] });

        using var r = store.Query(CustomerProfile.Sql(asOf: null));
        var seen = 0;
        while (r.Read())
        {
            var id = (string)r["customer_id"];
            var expected = memory[id];
            Assert.Equal(expected.Events, Convert.ToInt32(r["events"], CultureInfo.InvariantCulture));
            Assert.Equal(expected.View, Convert.ToInt32(r["n_view"], CultureInfo.InvariantCulture));
            Assert.Equal(expected.Purchase, Convert.ToInt32(r["n_purchase"], CultureInfo.InvariantCulture));
            Assert.Equal(expected.Items, Convert.ToInt32(r["distinct_products"], CultureInfo.InvariantCulture));
            Assert.Equal(expected.Categories, Convert.ToInt32(r["distinct_categories"], CultureInfo.InvariantCulture));
            Assert.Equal(expected.Revenue, Math.Round(Convert.ToDouble(r["monetary"], CultureInfo.InvariantCulture), 2), 6);
            seen++;
        }
        Assert.Equal(memory.Count, seen);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
