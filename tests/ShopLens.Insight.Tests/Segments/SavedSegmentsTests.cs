using ShopLens.Insight.Segments;

namespace ShopLens.Insight.Tests.Segments;

/// <summary>The store's segments table: each save replaces its method's rows whole, and summaries read them back.</summary>
[Trait("Issue", "3")]
public sealed class SavedSegmentsTests : IDisposable
{
    static readonly DateTime AsOf = new(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);
    readonly SegmentShop _shop = new();

    public SavedSegmentsTests() => _shop.ImportCsv(("orders", "order_id,customer_id,timestamp,status,amount",
    [
        "o1,x,2024-05-01T00:00:00Z,completed,100.00", "o2,x,2024-05-20T00:00:00Z,completed,300.00",
        "o3,y,2024-04-01T00:00:00Z,completed,100.00", "o4,z,2024-07-01T00:00:00Z,completed,999.00",
    ]));

    sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now, TimeSpan.Zero);
    }

    int Key(string id) => _shop.Store.Scalar<int>($"SELECT customer_key FROM customers WHERE customer_id = '{id}'");

    List<string> Rows(string method)
    {
        var rows = new List<string>();
        using var r = _shop.Store.Query($"""
            SELECT c.customer_id, s.segment, s.as_of, s.created_at FROM segments s JOIN customers c ON c.customer_key = s.customer_key
            WHERE method = '{method}' ORDER BY 1
            """);
        while (r.Read()) rows.Add($"{r.GetString(0)} {r.GetString(1)} {(r.IsDBNull(2) ? "-" : r.GetDateTime(2).ToString("yyyy-MM-dd", null))} {r.GetDateTime(3):yyyy-MM-dd HH:mm}");
        return rows;
    }

    [Fact]
    public void A_bulk_save_replaces_the_methods_rows_and_leaves_the_others()
    {
        var clock = new FixedClock(new DateTime(2030, 1, 2, 3, 4, 0, DateTimeKind.Utc));
        SavedSegments.Replace(_shop.Store, "rules", null, "SELECT customer_key, 'all' AS segment FROM customers", clock);
        SavedSegments.Save(_shop.Store, "kmeans", AsOf, [Key("x"), Key("y"), Key("z")], ["big", "small", "small"], clock);
        SavedSegments.Save(_shop.Store, "kmeans", AsOf, [Key("x"), Key("y")], ["big", "tiny"], clock);
        Assert.Equal(["x big 2024-06-01 2030-01-02 03:04", "y tiny 2024-06-01 2030-01-02 03:04"], Rows("kmeans"));
        Assert.Equal(["x all - 2030-01-02 03:04", "y all - 2030-01-02 03:04", "z all - 2030-01-02 03:04"], Rows("rules"));

        var summary = SavedSegments.Summarize(_shop.Store, "kmeans", AsOf, [new("tiny", "cluster 2"), new("empty", "cluster 3")]);
        Assert.Equal(["tiny", "empty", "big"], summary.Segments.Select(s => s.Name));
        Assert.Equal(["cluster 2", "cluster 3", ""], summary.Segments.Select(s => s.Rule));
        Assert.Equal((2L, 400.0, 0.8), (summary.Customers, summary.Segments[2].Revenue, summary.Segments[2].RevenueShare));
        Assert.Equal((1L, 100.0, 0.5, 0.2), (summary.Segments[0].Customers, summary.Segments[0].Revenue, summary.Segments[0].Share, summary.Segments[0].RevenueShare));
        Assert.Equal(2.0, summary.Segments[2].MeanFrequency);
        var csv = Path.Combine(_shop.Folder, "k.csv");
        SegmentExport.Write(_shop.Store, summary, csv);
        Assert.Equal(["customer_id,segment", "x,big", "y,tiny"], File.ReadAllLines(csv));
    }

    [Fact]
    public void A_failed_save_keeps_the_previous_run()
    {
        SavedSegments.Replace(_shop.Store, "rules", AsOf, "SELECT customer_key, 'all' AS segment FROM customers");
        var before = Rows("rules");
        // A NULL segment breaks the table's NOT NULL halfway through the insert: the transaction rolls back whole.
        Assert.ThrowsAny<Exception>(() => SavedSegments.Replace(_shop.Store, "rules", AsOf,
            "SELECT customer_key, CASE WHEN customer_id = 'z' THEN NULL ELSE 'new' END AS segment FROM customers"));
        Assert.Equal(before, Rows("rules"));
        Assert.Throws<ArgumentException>(() => SavedSegments.Save(_shop.Store, "kmeans", AsOf, [Key("x")], ["a", "b"]));
        Assert.Throws<ArgumentException>(() => SavedSegments.Save(_shop.Store, "kmeans", AsOf, [Key("x")], [""]));
        Assert.Equal(before, Rows("rules"));
    }

    public void Dispose() => _shop.Dispose();
}
