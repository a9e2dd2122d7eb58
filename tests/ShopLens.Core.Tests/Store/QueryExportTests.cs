using ShopLens.Core.Import;
using ShopLens.Core.Store;

namespace ShopLens.Core.Tests.Store;

/// <summary>Exports for people (CSV guarded against formula injection, Excel) and for programs (canonical tables, exact).</summary>
[Trait("Issue", "10")]
public sealed class QueryExportTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("shoplens-export-").FullName;
    readonly ShopStore _store;

    public QueryExportTests() => _store = ShopStore.Open(Path.Combine(_dir, "shop.duckdb"));

    const string Rows = """
        SELECT * FROM (VALUES ('=HYPERLINK("http://x")', -1.5, 'plain'), ('+1', 2.0, '@name'), ('-3', 3.0, NULL), ('a=b', 4.0, e'\ttab'))
          AS t(formula, amount, note)
        """;

    [Fact]
    public void A_csv_for_people_defuses_formulas_in_text_but_not_numbers()
    {
        var path = Path.Combine(_dir, "guarded.csv");
        Assert.Equal(4, QueryExport.Write(_store, Rows, path));
        var lines = File.ReadAllLines(path);
        Assert.Equal("formula,amount,note", lines[0]);
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\")\",-1.5,plain", lines[1]);
        Assert.Equal("'+1,2.0,'@name", lines[2]);
        Assert.Equal("'-3,3.0,", lines[3]);
        Assert.Equal("a=b,4.0,'\ttab", lines[4]);
    }

    [Fact]
    public void A_csv_for_programs_stays_exact()
    {
        var path = Path.Combine(_dir, "exact.csv");
        QueryExport.Write(_store, Rows, path, protectFormulas: false);
        Assert.StartsWith("\"=HYPERLINK(", File.ReadAllLines(path)[1], StringComparison.Ordinal);
    }

    [Fact]
    public void An_xlsx_types_its_cells_and_reads_back_through_the_importer()
    {
        var csv = Path.Combine(_dir, "events.csv");
        File.WriteAllText(csv, "event_id,customer_id,product_id,type,timestamp,price,query\ne1,c1,p1,search,2024-01-01T10:00:00Z,9.5,=cmd|' /C calc'!A0\ne2,c2,p1,purchase,2024-01-01T11:00:00Z,9.5,\n");
        _store.Import(new ImportRequest { Files = [new SourceFile(csv)] });
        var xlsx = Path.Combine(_dir, "events.xlsx");
        Assert.Equal(2, TableExport.Export(_store, "events", xlsx));

        using var other = ShopStore.Open(Path.Combine(_dir, "back.duckdb"));
        var back = other.Import(new ImportRequest { Files = [new SourceFile(xlsx)], Table = "events" }).Files[0];
        Assert.Equal(2, back.Accepted);
        Assert.Equal(19.0, other.Scalar<double>("SELECT sum(price) FROM events"));
        Assert.Equal("=cmd|' /C calc'!A0", other.Scalar<string>("SELECT query FROM events WHERE event_id = 'e1'"));
        Assert.Equal(new DateTime(2024, 1, 1, 11, 0, 0), other.Scalar<DateTime>("SELECT ts FROM events WHERE event_id = 'e2'"));
    }

    [Fact]
    public void An_unknown_extension_is_named()
    {
        var e = Assert.Throws<ArgumentException>(() => QueryExport.Write(_store, Rows, Path.Combine(_dir, "out.txt")));
        Assert.Contains(".xlsx", e.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
