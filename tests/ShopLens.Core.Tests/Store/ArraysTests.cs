using ShopLens.Core.Import;
using ShopLens.Core.Model;
using ShopLens.Core.Store;
using ShopLens.Core.Store.Arrays;

namespace ShopLens.Core.Tests.Store;

[Trait("Issue", "2")]
public sealed class ArraysTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("shoplens-arrays").FullName;
    readonly ShopStore _store;

    public ArraysTests()
    {
        var csv = Path.Combine(_dir, "events.csv");
        File.WriteAllText(csv, """
            customer_id,product_id,type,timestamp
            a,p1,view,2024-01-01T00:00:00Z
            a,p1,cart,2024-01-01T00:01:00Z
            a,p2,view,2024-01-01T00:03:00Z
            b,p2,purchase,2024-01-02T00:00:00Z
            a,,search,2024-01-01T00:02:00Z
            b,p1,remove_cart,2024-01-03T00:00:00Z
            c,p3,view,2024-02-01T00:00:00Z
            """);
        _store = ShopStore.Open(Path.Combine(_dir, "s.duckdb"));
        _store.Import(new ImportRequest { Files = [new SourceFile(csv)] });
    }

    int C(string id) => _store.Customers.TryGetKey(id, out var k) ? k : throw new KeyNotFoundException(id);
    int P(string id) => _store.Products.TryGetKey(id, out var k) ? k : throw new KeyNotFoundException(id);

    [Fact]
    public void Interactions_sum_weights_per_customer_and_product_in_csr()
    {
        var m = InteractionMatrix.Load(_store);
        Assert.Equal(3, m.Rows);
        Assert.Equal(3, m.ColumnCount);
        var a = C("a");
        var cols = m.ColumnsOf(a).ToArray();
        Assert.Equal(new[] { P("p1"), P("p2") }.Order(), cols);
        Assert.Equal(1f + 3f, m.WeightsOf(a)[Array.IndexOf(cols, P("p1"))]);
        Assert.Equal(1f, m.WeightsOf(a)[Array.IndexOf(cols, P("p2"))]);
        // b's removal weighs nothing, so only the purchase stays.
        Assert.Equal([P("p2")], m.ColumnsOf(C("b")).ToArray());
        Assert.Equal(5f, m.WeightsOf(C("b"))[0]);
    }

    [Fact]
    public void Interactions_honour_the_cut_off()
    {
        var m = InteractionMatrix.Load(_store, asOf: new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(0, m.ColumnsOf(C("b")).Length);
        Assert.Equal(0, m.ColumnsOf(C("c")).Length);
        Assert.Equal(2, m.ColumnsOf(C("a")).Length);
    }

    [Fact]
    public void Sequences_are_in_time_order_with_gaps()
    {
        var s = EventSequences.Load(_store);
        var a = C("a");
        Assert.Equal(4, s.Length(a));
        var from = s.Start[a];
        Assert.Equal([EventType.View, EventType.Cart, EventType.Search, EventType.View], s.Type.AsSpan(from, 4).ToArray());
        Assert.Equal([P("p1"), P("p1"), -1, P("p2")], s.Product.AsSpan(from, 4).ToArray());
        Assert.Equal([0f, 60f, 60f, 60f], s.GapSeconds.AsSpan(from, 4).ToArray());
        Assert.Equal(2, s.Length(C("b")));
        Assert.Equal(86400f, s.GapSeconds[s.Start[C("b")] + 1]);
    }

    [Fact]
    public void Feature_matrix_reads_a_query_with_nulls_as_nan()
    {
        var m = FeatureMatrix.Load(_store, """
            SELECT customer_key, count(*) AS n, max(CASE WHEN type = 7 THEN 1 END) AS bought
            FROM events GROUP BY customer_key ORDER BY customer_key
            """);
        Assert.Equal(["n", "bought"], m.Columns);
        Assert.Equal(3, m.Rows);
        var a = Array.IndexOf(m.Keys, C("a"));
        Assert.Equal(4f, m[a, 0]);
        Assert.True(float.IsNaN(m[a, 1]));
        Assert.Equal(1f, m[Array.IndexOf(m.Keys, C("b")), 1]);
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
