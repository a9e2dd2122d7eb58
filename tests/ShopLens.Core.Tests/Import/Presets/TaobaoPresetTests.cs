using static ShopLens.Core.Tests.Import.Presets.PresetTestData;

namespace ShopLens.Core.Tests.Import.Presets;

[Trait("Issue", "2")]
public sealed class TaobaoPresetTests
{
    const string Preset = "taobao";

    [Fact]
    public void Imports_the_UserBehavior_extract()
    {
        var path = Dataset("taobao_userbehavior_extract/UserBehavior.csv");
        var rows = File.ReadLines(path).Select(l => l.Split(',')).ToArray();
        var byBehavior = rows.GroupBy(r => r[3]).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(new Dictionary<string, long> { ["pv"] = 98_361, ["cart"] = 6_063, ["fav"] = 3_383, ["buy"] = 2_493 }, byBehavior);

        using var temp = new TempStore();
        var store = temp.Store;
        var report = ImportFile(store, path, Preset);

        AssertAccounted(report);
        Assert.Equal(rows.Length, report.Read);
        Assert.Equal(rows.Select(r => (r[0], r[1], r[3], r[4])).Distinct().Count(), report.Accepted);
        Assert.Equal(report.Accepted, store.Scalar<long>("SELECT count(*) FROM events"));
        Assert.Equal(byBehavior["pv"], CountOfType(store, "view"));
        Assert.Equal(byBehavior["cart"], CountOfType(store, "cart"));
        Assert.Equal(byBehavior["fav"], CountOfType(store, "favorite"));
        Assert.Equal(byBehavior["buy"], CountOfType(store, "purchase"));
        Assert.Equal(rows.Select(r => r[0]).Distinct().Count(), store.Scalar<long>("SELECT count(*) FROM customers"));
        Assert.Equal(rows.Select(r => r[1]).Distinct().Count(), store.Scalar<long>("SELECT count(*) FROM products WHERE category IS NOT NULL"));
        Assert.Equal(rows.Select(r => r[1]).Distinct().Count(), store.Scalar<long>("SELECT count(*) FROM products"));
        Assert.Equal(new DateTime(2017, 11, 26, 1, 0, 0), store.Scalar<DateTime>("SELECT min(ts) FROM events"));
        Assert.Equal(new DateTime(2017, 11, 26, 3, 10, 11), store.Scalar<DateTime>("SELECT max(ts) FROM events"));
        Assert.Equal("1464116", store.Scalar<string>("SELECT category FROM products WHERE product_id = '1715'"));

        AssertReimportAddsNothing(store, path, Preset, report, "events", "products", "customers");
    }

    [Fact]
    public void Rejects_unknown_behaviour_types()
    {
        using var temp = new TempStore();
        var path = temp.Write("UserBehavior.csv", "1,10,100,pv,1511658000\n1,10,100,clk,1511658001\n2,11,100,buy,1511658002\n");

        var report = ImportFile(temp.Store, path, Preset);

        AssertAccounted(report);
        Assert.Equal(2, report.Accepted);
        Assert.Equal(new Dictionary<string, long> { ["unknown_type:type"] = 1 }, report.ByReason);
        Assert.Equal(1, CountOfType(temp.Store, "purchase"));
    }
}
