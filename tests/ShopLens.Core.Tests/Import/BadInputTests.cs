using System.IO.Compression;
using System.Text;
using ShopLens.Core.Import;
using ShopLens.Core.Store;

namespace ShopLens.Core.Tests.Import;

/// <summary>Garbage gets a clear error naming the file, or rejects naming the line, field and reason; never a crash.</summary>
[Trait("Issue", "2")]
public sealed class BadInputTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("shoplens-bad").FullName;
    readonly ShopStore _store;

    public BadInputTests() => _store = ShopStore.Open(Path.Combine(_dir, "s.duckdb"));

    string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    ImportReport Import(string path, string? table = null) =>
        _store.Import(new ImportRequest { Files = [new SourceFile(path)], Table = table });

    static List<string[]> Rejects(FileImportReport report) =>
        File.ReadAllLines(report.RejectsFile!).Skip(1).Select(l => l.Split(',')).ToList();

    [Fact]
    public void Binary_data_is_refused_naming_the_file()
    {
        var bytes = new byte[10_000];
        new Random(3).NextBytes(bytes);
        bytes[100] = 0;
        var path = Write("events.csv", bytes);
        var e = Assert.Throws<ImportException>(() => Import(path));
        Assert.Contains("events.csv", e.Message, StringComparison.Ordinal);
        Assert.Contains("binary", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_columns_are_named()
    {
        var path = Write("events.csv", "customer_id,when,what\nc1,2024-01-01,view\n");
        var e = Assert.Throws<ImportException>(() => Import(path));
        Assert.Contains("events.csv", e.Message, StringComparison.Ordinal);
        Assert.Contains("type", e.Message, StringComparison.Ordinal);
        Assert.Contains("timestamp", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_that_fits_no_table_asks_for_one()
    {
        var path = Write("data.csv", "a,b,c\n1,2,3\n");
        var e = Assert.Throws<ImportException>(() => Import(path));
        Assert.Contains("data.csv", e.Message, StringComparison.Ordinal);
        Assert.Contains("--table", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_values_are_rejected_with_line_field_and_reason_and_the_rest_is_kept()
    {
        var huge = new string('x', 70_000);
        var longId = new string('c', 300);
        var path = Write("events.csv", string.Join('\n',
            "customer_id,product_id,type,timestamp,price,quantity,query",
            "c1,p1,view,2024-01-01T10:00:00Z,10,1,",            // 2 ok
            "c1,p1,view,2024-13-45,10,1,",                      // 3 bad date
            "c1,p1,cart,2024-01-01T10:01:00Z,10,-2,",           // 4 negative quantity
            "c1,p1,cart,2024-01-01T10:02:00Z,-5,1,",            // 5 negative price
            "c1,p1,teleport,2024-01-01T10:03:00Z,1,1,",         // 6 unknown type
            $"c1,,search,2024-01-01T10:04:00Z,,,{huge}",        // 7 field too long
            $"{longId},p1,view,2024-01-01T10:05:00Z,1,1,",      // 8 id too long
            ",p1,view,2024-01-01T10:06:00Z,1,1,",               // 9 missing customer
            "c1,p1,view,2024-01-01T10:07:00Z,1,1",              // 10 a field short
            "c2,\"p\"2,view,2024-01-01T10:08:00Z,1,1,",         // 11 text after a closing quote
            "c3,p3,purchase,1704103200,12.5,2,",                // 12 ok (Unix seconds)
            "c3,p3,view,abc,12.5,2,") + "\n");                  // 13 bad date
        var report = Import(path).Files[0];
        Assert.Equal(12, report.Read);
        Assert.Equal(2, report.Accepted);
        Assert.Equal(10, report.Rejected);
        Assert.Equal(0, report.Duplicates);
        Assert.Equal(2, report.ByReason["bad_timestamp:timestamp"]);
        Assert.Equal(1, report.ByReason["negative:quantity"]);
        Assert.Equal(1, report.ByReason["negative:price"]);
        Assert.Equal(1, report.ByReason["unknown_type:type"]);
        Assert.Equal(1, report.ByReason["too_long:query"]);
        Assert.Equal(1, report.ByReason["too_long:customer_id"]);
        Assert.Equal(1, report.ByReason["missing:customer_id"]);
        Assert.Equal(1, report.ByReason["field_count"]);
        Assert.Equal(1, report.ByReason["unreadable"]);
        var rejects = Rejects(report);
        Assert.Equal(10, rejects.Count);
        Assert.Equal(["3", "4", "5", "6", "7", "8", "9", "10", "11", "13"], rejects.Select(r => r[1]));
        Assert.Equal("timestamp", rejects[0][2]);
        Assert.Equal("bad_timestamp", rejects[0][3]);
        Assert.Equal(2, _store.Scalar<long>("SELECT count(*) FROM events"));
        Assert.Equal(2, _store.Scalar<long>("SELECT count(*) FROM customers"));
    }

    [Fact]
    public void A_broken_quote_costs_only_its_line()
    {
        var path = Write("events.csv",
            "customer_id,product_id,type,timestamp\n" +
            "c1,p1,view,2024-01-01T10:00:00Z\n" +
            "c1,\"p2,view,2024-01-01T10:01:00Z\n" +
            "c1,p3,view,2024-01-01T10:02:00Z\n" +
            "c1,p4,view,2024-01-01T10:03:00Z\n");
        var report = Import(path).Files[0];
        Assert.Equal(4, report.Read);
        Assert.Equal(3, report.Accepted);
        Assert.Equal(1, report.Rejected);
        Assert.Equal("3", Rejects(report)[0][1]);
    }

    [Fact]
    public void Invalid_utf8_in_a_text_field_is_rejected()
    {
        var head = Encoding.UTF8.GetBytes("customer_id,product_id,type,timestamp,query\nc1,,search,2024-01-01T10:00:00Z,");
        var bytes = head.Concat(new byte[] { 0xC3, 0x28, (byte)'\n' }).Concat(Encoding.UTF8.GetBytes("c1,,search,2024-01-01T10:01:00Z,保温杯\n")).ToArray();
        var report = Import(Write("events.csv", bytes)).Files[0];
        Assert.Equal(1, report.Accepted);
        Assert.Equal(1, report.ByReason["invalid_utf8:query"]);
        Assert.Equal("保温杯", _store.Scalar<string>("SELECT query FROM events"));
    }

    [Fact]
    public void A_truncated_gzip_is_an_import_error_naming_the_file()
    {
        var csv = new StringBuilder("customer_id,product_id,type,timestamp\n");
        for (var i = 0; i < 50_000; i++) csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"c{i},p{i % 97},view,{1_700_000_000 + i}\n");
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(Encoding.UTF8.GetBytes(csv.ToString()));
        var path = Write("events.csv.gz", ms.ToArray()[..(int)(ms.Length / 2)]);
        var e = Assert.Throws<ImportException>(() => Import(path));
        Assert.Contains("events.csv.gz", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, _store.Scalar<long>("SELECT count(*) FROM events"));
    }

    [Fact]
    public void A_header_only_file_reads_no_rows_and_an_empty_file_is_a_clear_error()
    {
        var report = Import(Write("events.csv", "customer_id,product_id,type,timestamp\n")).Files[0];
        Assert.Equal(0, report.Read);
        var e = Assert.Throws<ImportException>(() => Import(Write("empty.csv", "")));
        Assert.Contains("empty.csv", e.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
