using ShopLens.Core.Model;
using ShopLens.Core.Store;

namespace ShopLens.Insight.Overview;

/// <summary>What the store holds: row counts, the time range, the event mix and the top categories.</summary>
public sealed record StoreStatistics
{
    public long Customers { get; init; }
    public long Products { get; init; }
    public long Events { get; init; }
    public long Orders { get; init; }
    public long OrderLines { get; init; }
    public long Reviews { get; init; }
    public DateTime? FirstTime { get; init; }
    public DateTime? LastTime { get; init; }
    public IReadOnlyDictionary<string, long> EventsByType { get; init; } = new Dictionary<string, long>();
    public IReadOnlyList<CategoryShare> TopCategories { get; init; } = [];
    public long ImportBatches { get; init; }

    /// <summary>Reads the statistics with a handful of aggregate queries.</summary>
    public static StoreStatistics Of(IShopStore store, int topCategories = 10)
    {
        var byType = new Dictionary<string, long>();
        using (var r = store.Query("SELECT t.name, count(e.type) FROM event_types t LEFT JOIN events e ON e.type = t.type GROUP BY t.type, t.name ORDER BY t.type"))
            while (r.Read()) byType[r.GetString(0)] = r.GetInt64(1);
        var categories = new List<CategoryShare>();
        using (var r = store.Query($"""
            SELECT split_part(p.category, '>', 1) AS top, count(*) AS n
            FROM events e JOIN products p ON p.product_key = e.product_key
            WHERE p.category IS NOT NULL GROUP BY top ORDER BY n DESC, top LIMIT {topCategories}
            """))
            while (r.Read()) categories.Add(new(r.GetString(0), r.GetInt64(1)));
        DateTime? first = null, last = null;
        using (var r = store.Query("""
            SELECT min(t), max(t) FROM (
              SELECT min(ts) AS t FROM events UNION ALL SELECT max(ts) FROM events
              UNION ALL SELECT min(ts) FROM orders UNION ALL SELECT max(ts) FROM orders
              UNION ALL SELECT min(ts) FROM reviews UNION ALL SELECT max(ts) FROM reviews)
            """))
        {
            if (r.Read() && !r.IsDBNull(0))
            {
                first = DateTime.SpecifyKind(r.GetDateTime(0), DateTimeKind.Utc);
                last = DateTime.SpecifyKind(r.GetDateTime(1), DateTimeKind.Utc);
            }
        }
        return new StoreStatistics
        {
            Customers = store.Scalar<long>("SELECT count(*) FROM customers"),
            Products = store.Scalar<long>("SELECT count(*) FROM products"),
            Events = store.Scalar<long>("SELECT count(*) FROM events"),
            Orders = store.Scalar<long>("SELECT count(*) FROM orders"),
            OrderLines = store.Scalar<long>("SELECT count(*) FROM order_lines"),
            Reviews = store.Scalar<long>("SELECT count(*) FROM reviews"),
            FirstTime = first,
            LastTime = last,
            EventsByType = byType,
            TopCategories = categories,
            ImportBatches = store.Scalar<long>("SELECT count(*) FROM import_batches"),
        };
    }
}

/// <summary>A top-level category and how many events touched it.</summary>
public sealed record CategoryShare(string Category, long Events);
