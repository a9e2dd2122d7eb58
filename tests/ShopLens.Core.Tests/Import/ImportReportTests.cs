using System.Globalization;
using System.IO.Compression;
using System.Text;
using ShopLens.Core.Import;
using ShopLens.Core.Store;

namespace ShopLens.Core.Tests.Import;

/// <summary>Every row is accounted for: <c>read = accepted + rejected + duplicates</c>, and the store holds exactly the accepted rows.</summary>
[Trait("Issue", "2")]
public sealed class ImportReportTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("shoplens-report").FullName;
    readonly ShopStore _store;

    public ImportReportTests() => _store = ShopStore.Open(Path.Combine(_dir, "s.duckdb"));

    string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    FileImportReport Import(string path, string? table = null, string? map = null, CleaningOptions? cleaning = null, int batchRows = 2_000_000) =>
        _store.Import(new ImportRequest
        {
            Files = [new SourceFile(path)],
            Table = table,
            Map = ImportRequest.ParseMap(map ?? ""),
            Cleaning = cleaning ?? CleaningOptions.Default,
            BatchRows = batchRows,
        }).Files[0];

    long Count(string sql) => _store.Scalar<long>(sql);

    static void AssertAccounted(FileImportReport r) => Assert.Equal(r.Read, r.Accepted + r.Rejected + r.Duplicates);

    const string Header = "event_id,customer_id,product_id,type,timestamp,price\n";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Repeats_within_a_file_count_as_duplicates_in_or_out_of_time_order(bool inTimeOrder)
    {
        var rows = new[]
        {
            ",c1,p1,view,2024-01-01T10:00:00Z,1",
            ",c1,p1,view,2024-01-01T10:00:00Z,1",   // same key, no id
            ",c1,p1,cart,2024-01-01T10:00:00Z,1",   // other type: not a repeat
            "e1,c2,p1,view,2024-01-01T10:01:00Z,1",
            "e1,c2,p1,view,2024-01-01T10:05:00Z,1", // same id, other time: a repeat
            ",c3,,search,2024-01-01T10:02:00Z,",
            ",c3,,search,2024-01-01T10:02:00Z,",    // no product: still a repeat
        };
        if (!inTimeOrder) rows = [.. rows.Reverse()];
        var r = Import(Write("events.csv", Header + string.Join('\n', rows) + "\n"));
        AssertAccounted(r);
        Assert.Equal(7, r.Read);
        Assert.Equal(4, r.Accepted);
        Assert.Equal(3, r.Duplicates);
        Assert.Equal(4, Count("SELECT count(*) FROM events"));

        var again = Import(Write("events.csv", Header + string.Join('\n', rows) + "\n"));
        Assert.Equal(0, again.Accepted);
        Assert.Equal(7, again.Duplicates);
        Assert.Equal(4, Count("SELECT count(*) FROM events"));
    }

    [Fact]
    public void Batches_of_three_rows_build_the_same_store_as_one_batch()
    {
        var text = new StringBuilder(Header);
        for (var i = 0; i < 10; i++) text.Append(CultureInfo.InvariantCulture, $",c{i % 3},p{i % 4},view,{1_700_000_000 + i / 2},1\n");
        text.Append(",c0,p0,view,1700000000,1\n");
        var path = Write("events.csv", text.ToString());
        var r = Import(path, batchRows: 3);
        AssertAccounted(r);
        Assert.Equal(4, r.Batches);
        Assert.Equal(11, r.Read);
        Assert.Equal(1, r.Duplicates);
        using var other = ShopStore.Open(Path.Combine(_dir, "one.duckdb"));
        var one = other.Import(new ImportRequest { Files = [new SourceFile(path)] }).Files[0];
        Assert.Equal(one.Accepted, r.Accepted);
        const string content = "SELECT string_agg(c.customer_id || p.product_id || e.ts, ',' ORDER BY e.ts, c.customer_id, p.product_id) FROM events e JOIN customers c USING (customer_key) JOIN products p USING (product_key)";
        Assert.Equal(other.Scalar<string>(content), _store.Scalar<string>(content));
        Assert.Equal(4, Count("SELECT count(*) FROM import_batches"));
        Assert.Equal(r.Read, Count("SELECT sum(read) FROM import_batches"));
    }

    [Fact]
    public void Column_map_and_every_timestamp_form_land_on_the_same_instant()
    {
        var r = Import(Write("shop_export.csv", """
            user_id,item_id,event_type,ts
            u1,i1,view,2024-03-05T12:00:00Z
            u2,i1,view,1709640000
            u3,i1,view,1709640000000
            u4,i1,view,2024-03-05 20:00:00+08:00
            u5,i1,view,2024-03-05T12:00:00
            u6,i1,view,1709640000.0
            """), table: "events", map: "user_id=customer_id,item_id=product_id,event_type=type,ts=timestamp");
        Assert.Equal(6, r.Accepted);
        Assert.Equal(1, Count("SELECT count(DISTINCT ts) FROM events"));
        Assert.Equal(new DateTime(2024, 3, 5, 12, 0, 0), _store.Scalar<DateTime>("SELECT min(ts) FROM events"));
    }

    [Fact]
    public void Missing_values_are_filled_or_dropped_as_asked_and_outliers_flagged_not_removed()
    {
        var path = Write("events.csv", Header + """
            ,c1,p1,purchase,2024-01-01T10:00:00Z,10
            ,c1,p2,purchase,2024-01-01T10:01:00Z,20
            ,c1,p3,purchase,2024-01-01T10:02:00Z,
            ,c1,p4,purchase,2024-01-01T10:03:00Z,30
            ,c1,p5,purchase,2024-01-01T10:04:00Z,1000
            """ + "\n");
        var r = Import(path, cleaning: new CleaningOptions { Missing = CleaningOptions.ParseMissing("price=median"), Outliers = OutlierRule.Iqr });
        Assert.Equal(5, r.Accepted);
        Assert.Equal(1, r.Filled["price"]);
        Assert.Equal(25.0, _store.Scalar<double>("SELECT e.price FROM events e JOIN products p USING (product_key) WHERE p.product_id = 'p3'"));
        var outlier = Assert.Single(r.Outliers);
        Assert.Equal(("price", 1L), (outlier.Column, outlier.Count));
        Assert.Contains("1000", File.ReadAllText(r.OutliersFile!), StringComparison.Ordinal);
        Assert.Equal(5, Count("SELECT count(*) FROM events"));

        var dropped = Import(Write("more.csv", Header + ",c9,p1,view,2024-02-01T00:00:00Z,\n,c9,p1,cart,2024-02-01T00:00:00Z,5\n"), table: "events",
            cleaning: new CleaningOptions { Missing = CleaningOptions.ParseMissing("price=drop") });
        Assert.Equal(1, dropped.Accepted);
        Assert.Equal(1, dropped.ByReason["missing_dropped:price"]);
    }

    [Fact]
    public void Orders_and_customers_are_updated_by_later_rows_and_identical_rows_are_duplicates()
    {
        Import(Write("orders.csv", "order_id,customer_id,timestamp,status\nO1,c1,2024-01-01,placed\nO2,c2,2024-01-02,\n"));
        var again = Import(Write("orders.csv", "order_id,customer_id,timestamp,status\nO1,c1,2024-01-01,cancelled\nO2,c2,2024-01-02,completed\n"));
        Assert.Equal((1L, 1L), (again.Accepted, again.Duplicates));
        Assert.Equal("cancelled", _store.Scalar<string>("SELECT status FROM orders WHERE order_id = 'O1'"));
        Assert.Equal(2, Count("SELECT count(*) FROM orders"));

        var customers = Import(Write("customers.csv", "customer_id,region,age_band\nc1,Shanghai,25-34\nc3,Beijing,\n"));
        Assert.Equal(2, customers.Accepted);
        Assert.Equal("Shanghai", _store.Scalar<string>("SELECT region FROM customers WHERE customer_id = 'c1'"));
        Assert.Equal(3, Count("SELECT count(*) FROM customers"));
        var same = Import(Write("customers.csv", "customer_id,region,age_band\nc1,Shanghai,25-34\n"));
        Assert.Equal(1, same.Duplicates);
    }

    [Fact]
    public void Json_lines_and_gzip_import_the_same_rows_as_csv()
    {
        var csv = Write("a.csv", "customer_id,product_id,type,timestamp,query\nc1,p1,view,2024-01-01T10:00:00Z,\nc1,,search,2024-01-01T10:01:00Z,\"保温杯, 500ml\"\n");
        var jsonl = Write("b.jsonl", """
            {"customer_id": "c1", "product_id": "p1", "type": "view", "timestamp": "2024-01-01T10:00:00Z"}
            {"customer_id": "c1", "type": "search", "timestamp": 1704103260, "query": "保温杯, 500ml"}
            """);
        var gz = Path.Combine(_dir, "c.csv.gz");
        using (var output = File.Create(gz))
        using (var zip = new GZipStream(output, CompressionLevel.Fastest))
            zip.Write(File.ReadAllBytes(csv));
        Assert.Equal(2, Import(csv, table: "events").Accepted);
        Assert.Equal(2, Import(jsonl, table: "events").Duplicates);
        Assert.Equal(2, Import(gz, table: "events").Duplicates);
        Assert.Equal("保温杯, 500ml", _store.Scalar<string>("SELECT query FROM events WHERE query IS NOT NULL"));
    }

    [Fact]
    public void Exported_parquet_imports_back_to_the_same_rows()
    {
        Import(Write("events.csv", Header + "e1,c1,p1,view,2024-01-01T10:00:00Z,9.5\n,c2,p1,purchase,2024-01-01T11:00:00Z,9.5\n"));
        var parquet = Path.Combine(_dir, "events.parquet");
        Assert.Equal(2, TableExport.Export(_store, "events", parquet));
        using var other = ShopStore.Open(Path.Combine(_dir, "back.duckdb"));
        var back = other.Import(new ImportRequest { Files = [new SourceFile(parquet)], Table = "events" }).Files[0];
        Assert.Equal(2, back.Accepted);
        Assert.Equal(19.0, other.Scalar<double>("SELECT sum(price) FROM events"));
        Assert.Equal("e1", other.Scalar<string>("SELECT event_id FROM events WHERE event_id IS NOT NULL"));
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
