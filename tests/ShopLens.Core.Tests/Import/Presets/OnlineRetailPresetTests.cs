using System.Globalization;
using System.IO.Compression;
using System.Text;
using static ShopLens.Core.Tests.Import.Presets.PresetTestData;

namespace ShopLens.Core.Tests.Import.Presets;

[Trait("Issue", "2")]
public sealed class OnlineRetailPresetTests
{
    const string Preset = "online-retail";

    // One source line, split as RFC 4180 CSV without line breaks inside quotes (the file has none).
    static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }

    sealed record Line(string Invoice, string StockCode, string Description, long Quantity, string UnitPrice, string Customer, string Country);

    static List<Line> ReadLines(string path)
    {
        using var text = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress), Encoding.UTF8);
        Assert.Equal("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country", text.ReadLine()!.Replace("\"", "", StringComparison.Ordinal));
        var lines = new List<Line>();
        while (text.ReadLine() is { } s)
        {
            var f = SplitCsv(s);
            Assert.Equal(8, f.Count);
            lines.Add(new(f[0], f[1], f[2].Trim(), long.Parse(f[3], CultureInfo.InvariantCulture), f[5], f[6], f[7]));
        }
        return lines;
    }

    static IEnumerable<KeyValuePair<string, string>> Pairs(ShopLens.Core.Store.ShopStore store, string sql)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        using (var reader = store.Query(sql))
            while (reader.Read()) pairs.Add(new(reader.GetString(0), reader.GetString(1)));
        return pairs.OrderBy(kv => kv.Key, StringComparer.Ordinal);
    }

    [Fact]
    public void Imports_the_UCI_file_with_every_row_accounted_for()
    {
        var path = Dataset("online_retail/online_retail.csv.gz");
        var source = ReadLines(path);
        var guests = source.Count(l => l.Customer.Length == 0);
        var known = source.Where(l => l.Customer.Length > 0).ToList();
        // Write-offs (negative quantity, not a cancellation) and bad-debt adjustments: none of them names a customer.
        var writeOffs = source.Where(l => l.Quantity < 0 && !l.Invoice.StartsWith('C')).ToList();
        var adjustments = source.Where(l => l.Invoice.StartsWith('A')).ToList();
        var sales = known.Where(l => !l.Invoice.StartsWith('A') && (l.Quantity >= 0 || l.Invoice.StartsWith('C'))).ToList();
        var distinctLines = sales.Select(l => (l.Invoice, l.StockCode, Math.Abs(l.Quantity), double.Parse(l.UnitPrice, CultureInfo.InvariantCulture))).Distinct().Count();

        Assert.Equal(541_909, source.Count);
        Assert.Equal(135_080, guests);
        Assert.Equal(1_336, writeOffs.Count);
        Assert.Equal(3, adjustments.Count);
        Assert.All(writeOffs.Concat(adjustments), l => Assert.Empty(l.Customer));

        using var temp = new TempStore();
        var store = temp.Store;
        var report = ImportFile(store, path, Preset);

        AssertAccounted(report);
        Assert.Equal(source.Count, report.Read);
        Assert.Equal(guests, report.ByReason["missing_customer:customer_id"]);
        Assert.Equal(source.Count - sales.Count, report.Rejected);
        Assert.Equal(distinctLines, report.Accepted);
        Assert.Equal(sales.Count - distinctLines, report.Duplicates);

        Assert.Equal(distinctLines, store.Scalar<long>("SELECT count(*) FROM order_lines"));
        Assert.Equal(sales.Select(l => l.Invoice).Distinct().Count(), store.Scalar<long>("SELECT count(*) FROM orders"));
        Assert.Equal(sales.Where(l => l.Invoice.StartsWith('C')).Select(l => l.Invoice).Distinct().Count(),
            store.Scalar<long>("SELECT count(*) FROM orders WHERE status = 'returned'"));
        Assert.Equal(sales.Select(l => l.Customer).Distinct().Count(), store.Scalar<long>("SELECT count(*) FROM customers"));
        Assert.Equal(sales.Select(l => l.StockCode).Distinct().Count(), store.Scalar<long>("SELECT count(*) FROM products"));
        Assert.Equal(0, store.Scalar<long>("SELECT count(*) FROM order_lines WHERE quantity < 0 OR unit_price < 0"));
        Assert.Equal(0, store.Scalar<long>("SELECT count(*) FROM products WHERE price IS NOT NULL"));

        Assert.Equal(new DateTime(2010, 12, 1, 8, 26, 0), store.Scalar<DateTime>("SELECT ts FROM orders WHERE order_id = '536365'"));
        // A later line's description or country overwrites an earlier one.
        var titles = sales.Where(l => l.Description.Length > 0).GroupBy(l => l.StockCode).ToDictionary(g => g.Key, g => g.Last().Description);
        Assert.Equal(titles.OrderBy(kv => kv.Key, StringComparer.Ordinal), Pairs(store, "SELECT product_id, title FROM products WHERE title IS NOT NULL"));
        var regions = sales.GroupBy(l => l.Customer).ToDictionary(g => g.Key, g => g.Last().Country);
        Assert.Equal(regions.OrderBy(kv => kv.Key, StringComparer.Ordinal), Pairs(store, "SELECT customer_id, region FROM customers"));
        Assert.Equal("CREAM HANGING HEART T-LIGHT HOLDER", titles["85123A"]);
        // C536379: 1 × D (Discount) at 27.50, listed as -1.
        Assert.Equal("returned", store.Scalar<string>("SELECT status FROM orders WHERE order_id = 'C536379'"));
        Assert.Equal(1, store.Scalar<long>("SELECT quantity FROM order_lines WHERE order_id = 'C536379'"));

        AssertReimportAddsNothing(store, path, Preset, report, "orders", "order_lines", "products", "customers");
    }

    [Fact]
    public void Rejects_write_offs_and_adjustments_that_name_a_customer()
    {
        using var temp = new TempStore();
        var path = temp.Write("retail.csv", """
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom
            536366,22632,HAND WARMER RED POLKA DOT,-6,2010-12-01 08:28:00,0,17850,United Kingdom
            A563186,B,Adjust bad debt,1,2011-08-12 14:51:00,-11062.06,17850,United Kingdom
            C536383,35004C,SET OF 3 COLOURED  FLYING DUCKS,-1,2010-12-01 09:49:00,4.65,15311,United Kingdom
            536367,84879,,32,2010-12-01 08:34:00,0,13047,United Kingdom
            536368,22960,JAM MAKING SET WITH JARS,6,2010-12-01 08:34:00,-4.25,13047,United Kingdom
            536369,22960,JAM MAKING SET WITH JARS,6,2010-12-01 08:35:00,4.25,,United Kingdom
            """);

        var report = ImportFile(temp.Store, path, Preset);

        AssertAccounted(report);
        Assert.Equal(7, report.Read);
        Assert.Equal(3, report.Accepted);
        Assert.Equal(new Dictionary<string, long>
        {
            ["adjustment:order_id"] = 1,
            ["missing_customer:customer_id"] = 1,
            ["negative:unit_price"] = 1,
            ["stock_adjustment:quantity"] = 1,
        }, report.ByReason);
        Assert.Equal(3, temp.Store.Scalar<long>("SELECT count(*) FROM orders"));
        Assert.Equal(0, temp.Store.Scalar<double>("SELECT unit_price FROM order_lines WHERE order_id = '536367'"));
        Assert.Null(temp.Store.Scalar<string>("SELECT title FROM products WHERE product_id = '84879'"));
        Assert.Equal(1, temp.Store.Scalar<long>("SELECT quantity FROM order_lines WHERE order_id = 'C536383'"));
    }
}
