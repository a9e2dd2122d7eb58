using static ShopLens.Core.Tests.Import.Presets.PresetTestData;

namespace ShopLens.Core.Tests.Import.Presets;

[Trait("Issue", "2")]
public sealed class RetailRocketPresetTests
{
    const string Preset = "retailrocket";

    [Fact]
    public void Imports_events_and_transactions()
    {
        using var temp = new TempStore();
        var store = temp.Store;
        var path = temp.Write("events.csv", """
            timestamp,visitorid,event,itemid,transactionid
            1433221332117,257597,view,355908,
            1433224214164,992329,view,248676,
            1433221999827,111016,addtocart,5206,
            1433222276276,483717,addtocart,17,
            1433193500981,121688,transaction,15795,11117
            1433193500981,121688,transaction,4553,11117
            1433193915008,552148,transaction,81345,5444
            1433224214164,992329,click,248676,
            1433221332117,257597,view,355908,
            """);

        var report = ImportFile(store, path, Preset);

        AssertAccounted(report);
        Assert.Equal(9, report.Read);
        Assert.Equal(7, report.Accepted);
        Assert.Equal(1, report.Duplicates);
        Assert.Equal(new Dictionary<string, long> { ["unknown_type:type"] = 1 }, report.ByReason);
        Assert.Equal(2, CountOfType(store, "view"));
        Assert.Equal(2, CountOfType(store, "cart"));
        Assert.Equal(3, CountOfType(store, "purchase"));
        Assert.Equal(2, store.Scalar<long>("SELECT count(*) FROM orders"));
        Assert.Equal(0, store.Scalar<long>("SELECT count(*) FROM order_lines"));
        Assert.Equal("121688", store.Scalar<string>("SELECT customer_id FROM orders JOIN customers USING (customer_key) WHERE order_id = '11117'"));
        Assert.Equal(new DateTime(2015, 6, 1, 21, 18, 20, 981), store.Scalar<DateTime>("SELECT ts FROM orders WHERE order_id = '11117'"));
        Assert.Null(store.Scalar<string>("SELECT CAST(amount AS VARCHAR) FROM orders WHERE order_id = '11117'"));
        Assert.Equal(new DateTime(2015, 6, 2, 5, 2, 12, 117), store.Scalar<DateTime>("""
            SELECT ts FROM events JOIN customers USING (customer_key) WHERE customer_id = '257597'
            """));

        AssertReimportAddsNothing(store, path, Preset, report, "events", "orders");
    }
}
