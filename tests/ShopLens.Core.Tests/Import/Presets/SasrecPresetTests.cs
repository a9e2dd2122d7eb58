using static ShopLens.Core.Tests.Import.Presets.PresetTestData;

namespace ShopLens.Core.Tests.Import.Presets;

[Trait("Issue", "2")]
public sealed class SasrecPresetTests
{
    const string Preset = "sasrec";

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
        var stored = new List<string>();
        using (var reader = store.Query("""
            SELECT product_id FROM events JOIN customers USING (customer_key) JOIN products USING (product_key)
            WHERE customer_id = '1' ORDER BY ts
            """))
            while (reader.Read()) stored.Add(reader.GetString(0));
        Assert.Equal(firstUser, stored);

        AssertReimportAddsNothing(store, path, Preset, report, "events", "customers", "products");
    }
}
