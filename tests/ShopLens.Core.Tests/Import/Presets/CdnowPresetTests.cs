using System.Globalization;
using static ShopLens.Core.Tests.Import.Presets.PresetTestData;

namespace ShopLens.Core.Tests.Import.Presets;

[Trait("Issue", "2")]
public sealed class CdnowPresetTests
{
    const string Preset = "cdnow";

    // Data lines only: blank lines and lifetimes' header line (which starts with a letter) are not purchases.
    static string[][] Purchases(string path) =>
        File.ReadLines(path)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(f => f.Length > 0 && char.IsAsciiDigit(f[0][0]))
            .ToArray();

    static decimal Dollars(string[] purchase) => decimal.Parse(purchase[^1], CultureInfo.InvariantCulture);

    [Fact]
    public void Imports_the_master_file_skipping_its_header()
    {
        var path = Dataset("cdnow/CDNOW_master.txt");
        var purchases = Purchases(path);
        Assert.StartsWith(" customer_id", File.ReadLines(path).First(), StringComparison.Ordinal);
        Assert.All(purchases, p => Assert.Equal(4, p.Length));
        Assert.Equal(69_659, purchases.Length);
        Assert.Equal(23_570, purchases.Select(p => p[0]).Distinct().Count());
        Assert.Equal(2_500_315.63m, purchases.Sum(Dollars));

        using var temp = new TempStore();
        var store = temp.Store;
        var report = ImportFile(store, path, Preset);

        AssertAccounted(report);
        Assert.Equal(purchases.Length, report.Read);
        Assert.Equal(purchases.Length, report.Accepted);
        Assert.Equal(purchases.Length, store.Scalar<long>("SELECT count(*) FROM orders"));
        Assert.Equal(purchases.Select(p => p[0]).Distinct().Count(), store.Scalar<long>("SELECT count(*) FROM customers"));
        Assert.Equal((double)purchases.Sum(Dollars), store.Scalar<double>("SELECT sum(amount) FROM orders"), 0.005);
        Assert.Equal(purchases.Count(p => Dollars(p) == 0), store.Scalar<long>("SELECT count(*) FROM orders WHERE amount = 0"));
        Assert.Equal(0, store.Scalar<long>("SELECT count(*) FROM order_lines"));
        Assert.Equal(0, store.Scalar<long>("SELECT count(*) FROM orders WHERE status <> 'completed'"));
        Assert.Equal(new DateTime(1997, 1, 1), store.Scalar<DateTime>("SELECT min(ts) FROM orders"));
        Assert.Equal(new DateTime(1998, 6, 30), store.Scalar<DateTime>("SELECT max(ts) FROM orders"));
        // Line 2 is the first purchase: customer 00001 on 1997-01-01 for $11.77.
        Assert.Equal(11.77, store.Scalar<double>("""
            SELECT amount FROM orders JOIN customers USING (customer_key)
            WHERE order_id = 'cdnow-1-2' AND customer_id = '1' AND ts = TIMESTAMP '1997-01-01'
            """));

        AssertReimportAddsNothing(store, path, Preset, report, "orders", "customers");
    }

    [Fact]
    public void Imports_the_sample_under_the_ids_of_the_BTYD_summary()
    {
        var path = Dataset("cdnow/CDNOW_sample.txt");
        var summaryPath = Dataset("cdnow/cdnow_customers_summary.csv");
        var purchases = Purchases(path);
        Assert.All(purchases, p => Assert.Equal(5, p.Length));
        Assert.Equal(6_919, purchases.Length);

        using var temp = new TempStore();
        var store = temp.Store;
        var report = ImportFile(store, path, Preset);

        AssertAccounted(report);
        Assert.Equal(purchases.Length, report.Read);
        Assert.Equal(purchases.Length, report.Accepted);
        Assert.Equal(purchases.Length, store.Scalar<long>("SELECT count(*) FROM orders"));
        Assert.Equal((double)purchases.Sum(Dollars), store.Scalar<double>("SELECT sum(amount) FROM orders"), 0.005);

        // The summary's ID is the sample id, and its frequency (repeat purchase days in the first 39 weeks, to
        // 1997-09-30) follows from the imported orders.
        var summary = File.ReadLines(summaryPath).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => long.Parse(f[1], CultureInfo.InvariantCulture));
        Assert.Equal(2_357, summary.Count);
        var frequency = new Dictionary<string, long>();
        using (var reader = store.Query("""
            SELECT customer_id, count(DISTINCT CAST(ts AS DATE)) FILTER (WHERE ts < TIMESTAMP '1997-10-01') - 1
            FROM orders JOIN customers USING (customer_key) GROUP BY customer_id
            """))
            while (reader.Read()) frequency[reader.GetString(0)] = reader.GetInt64(1);
        Assert.Equal(summary.OrderBy(kv => kv.Key, StringComparer.Ordinal), frequency.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(2_457, frequency.Values.Sum());

        AssertReimportAddsNothing(store, path, Preset, report, "orders", "customers");
    }

    [Fact]
    public void Reads_a_headerless_master_and_rejects_bad_dates()
    {
        using var temp = new TempStore();
        var path = temp.Write("cdnow.txt", " 00001 19970101  1   11.77\r\n 00001 19970101  2   0.00\r\n 00002 1997011  1   12.00\r\n 00003 19970231  1   1.00\r\n");

        var report = ImportFile(temp.Store, path, Preset);

        AssertAccounted(report);
        Assert.Equal(4, report.Read);
        Assert.Equal(2, report.Accepted);
        Assert.Equal(2, report.ByReason["bad_timestamp:timestamp"]);
        Assert.Equal(2, temp.Store.Scalar<long>("SELECT count(DISTINCT order_id) FROM orders WHERE ts = TIMESTAMP '1997-01-01'"));
    }
}
