using ShopLens.Core.Store;
using static ShopLens.Core.Tests.Import.Presets.PresetTestData;

namespace ShopLens.Core.Tests.Import.Presets;

[Trait("Issue", "2")]
public sealed class SasrecPresetTests
{
    const string Preset = "sasrec";

    // Lines 3 and 7 repeat user 1's item 10: a second purchase of it, not a duplicate. "001 3" is user 1.
    const string Small = """
        1 10
        001 3
        1 10
        2 7
        0 5
        2 x
        1 10
        3
        3 4 5
        2 -1
        2 5

        """;

    [Fact]
    public void Accepts_positive_ids_and_rejects_other_lines_with_their_field()
    {
        using var temp = new TempStore();
        var path = temp.Write("small.txt", Small);

        var report = ImportFile(temp.Store, path, Preset);

        AssertAccounted(report);
        Assert.Equal(11, report.Read);
        Assert.Equal(6, report.Accepted);
        Assert.Equal(0, report.Duplicates);
        Assert.Equal(
            new[] { ("field_count", 2L), ("invalid_id:customer_id", 1L), ("invalid_id:product_id", 2L) },
            report.ByReason.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value)));
        // The rejects file names file, line and field of each (columns file,line,field,reason,…).
        var rejects = File.ReadAllLines(report.RejectsFile!).Skip(1).Select(l => l.Split(',')[..4]).ToArray();
        Assert.Equal(new[]
        {
            new[] { "small.txt", "5", "customer_id", "invalid_id" },
            ["small.txt", "6", "product_id", "invalid_id"],
            ["small.txt", "8", "", "field_count"],
            ["small.txt", "9", "", "field_count"],
            ["small.txt", "10", "product_id", "invalid_id"],
        }, rejects);
        Assert.Equal(2, temp.Store.Scalar<long>("SELECT count(*) FROM customers"));
        Assert.Equal(4, temp.Store.Scalar<long>("SELECT count(*) FROM products"));
        Assert.Equal(6, CountOfType(temp.Store, "purchase"));
    }

    [Fact]
    public void Keeps_each_users_order_with_line_numbered_ids_and_synthetic_times()
    {
        using var temp = new TempStore();
        var path = temp.Write("small.txt", Small);

        ImportFile(temp.Store, path, Preset);

        Assert.Equal(new[]
        {
            ("small.txt:1", "10", new DateTime(2000, 1, 1, 0, 0, 1)),
            ("small.txt:2", "3", new DateTime(2000, 1, 1, 0, 0, 2)),
            ("small.txt:3", "10", new DateTime(2000, 1, 1, 0, 0, 3)),
            ("small.txt:7", "10", new DateTime(2000, 1, 1, 0, 0, 7)),
        }, Sequence(temp.Store, "1"));
        Assert.Equal(new[] { "7", "5" }, Sequence(temp.Store, "2").Select(e => e.Product));
    }

    [Fact]
    public void Importing_the_file_again_finds_duplicates_and_another_files_lines_are_new()
    {
        using var temp = new TempStore();
        var path = temp.Write("small.txt", Small);
        var first = ImportFile(temp.Store, path, Preset);

        AssertReimportAddsNothing(temp.Store, path, Preset, first, "events", "customers", "products");

        // The same lines under another name are another file's: the ids differ, so nothing is taken for a repeat.
        var other = ImportFile(temp.Store, temp.Write("other.txt", Small), Preset);
        Assert.Equal(6, other.Accepted);
        Assert.Equal(12, temp.Store.Scalar<long>("SELECT count(*) FROM events"));
    }

    [Fact]
    public void Imports_the_Video_sequences_in_order()
    {
        var path = Dataset("sasrec_sequences/Video.txt");
        var rows = File.ReadLines(path).Select(l => l.Split(' ')).ToArray();
        Assert.Equal(287_107, rows.Length);
        Assert.Equal(31_013, rows.Select(r => r[0]).Distinct().Count());
        Assert.Equal(23_715, rows.Select(r => r[1]).Distinct().Count());

        using var temp = new TempStore();
        var store = temp.Store;
        var report = ImportFile(store, path, Preset);

        AssertAccounted(report);
        Assert.Equal(rows.Length, report.Read);
        Assert.Equal(rows.Length, report.Accepted);
        Assert.Equal(rows.Length, CountOfType(store, "purchase"));
        Assert.Equal(31_013, store.Scalar<long>("SELECT count(*) FROM customers"));
        Assert.Equal(23_715, store.Scalar<long>("SELECT count(*) FROM products"));
        // Line n happened at 2000-01-01 + n seconds.
        Assert.Equal(new DateTime(2000, 1, 1, 0, 0, 1), store.Scalar<DateTime>("SELECT min(ts) FROM events"));
        Assert.Equal(new DateTime(2000, 1, 1).AddSeconds(rows.Length), store.Scalar<DateTime>("SELECT max(ts) FROM events"));
        var firstUser = rows.TakeWhile(r => r[0] == "1").Select(r => r[1]).ToArray();
        Assert.Equal(firstUser, Sequence(store, "1").Select(e => e.Product));

        AssertReimportAddsNothing(store, path, Preset, report, "events", "customers", "products");
    }

    static List<(string EventId, string Product, DateTime Time)> Sequence(ShopStore store, string customer)
    {
        var events = new List<(string, string, DateTime)>();
        using var reader = store.Query($"""
            SELECT event_id, product_id, ts FROM events JOIN customers USING (customer_key) JOIN products USING (product_key)
            WHERE customer_id = '{customer}' ORDER BY ts
            """);
        while (reader.Read()) events.Add((reader.GetString(0), reader.GetString(1), reader.GetDateTime(2)));
        return events;
    }
}
