using System.Globalization;
using ShopLens.Core.Model;
using ShopLens.Core.Store;

namespace ShopLens.Insight.Features;

/// <summary>
/// Per-customer activity as of a cut-off, computed as SQL inside the store: event counts by type, distinct products
/// and categories, revenue from purchase events, first and last event time and recency. Only events strictly before
/// the cut-off count; without one, every event counts and recency is measured from the store's last event.
/// </summary>
public static class ActivityProfile
{
    /// <summary>Output columns, in order (docs/features.md describes each).</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "customer_id", "events", .. EventTypes.All.Select(t => "n_" + EventTypes.Name(t)),
        "n_items", "n_categories", "revenue", "first_time", "last_time", "recency_s",
    ];

    /// <summary>The query, in the SQL dialect DuckDB and PostgreSQL share.</summary>
    public static string Sql(DateTime? asOf)
    {
        var cut = asOf is null ? null : $"TIMESTAMP '{asOf.Value.ToUniversalTime():yyyy-MM-dd HH:mm:ss.ffffff}'";
        var where = cut is null ? "" : $"WHERE e.ts < {cut}";
        var reference = cut ?? "(SELECT max(ts) FROM events)";
        var counts = string.Join(",\n  ", EventTypes.All.Select(t => $"count(*) FILTER (WHERE e.type = {(int)t}) AS n_{EventTypes.Name(t)}"));
        return $"""
            SELECT c.customer_id,
              count(*) AS events,
              {counts},
              count(DISTINCT e.product_key) AS n_items,
              count(DISTINCT p.category) AS n_categories,
              coalesce(sum(e.price * coalesce(e.quantity, 1)) FILTER (WHERE e.type = {(int)EventType.Purchase}), 0) AS revenue,
              min(e.ts) AS first_time,
              max(e.ts) AS last_time,
              extract(epoch FROM {reference}) - extract(epoch FROM max(e.ts)) AS recency_s
            FROM events e
            JOIN customers c ON c.customer_key = e.customer_key
            LEFT JOIN products p ON p.product_key = e.product_key
            {where}
            GROUP BY c.customer_id
            ORDER BY c.customer_id
            """;
    }

    /// <summary>Writes the profile to a CSV or Parquet file (by extension) and returns the number of customers.</summary>
    public static long Export(IShopStore store, DateTime? asOf, string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        var format = ext switch
        {
            ".parquet" => "FORMAT parquet",
            ".csv" => "FORMAT csv, HEADER",
            ".jsonl" => "FORMAT json",
            _ => throw new ArgumentException($"{path}: profile writes .csv, .parquet or .jsonl"),
        };
        store.Execute($"CREATE OR REPLACE TEMP TABLE profile_out AS {Sql(asOf)}");
        store.Execute($"COPY profile_out TO '{Path.GetFullPath(path).Replace("'", "''", StringComparison.Ordinal)}' ({format})");
        var n = store.Scalar<long>("SELECT count(*) FROM profile_out");
        store.Execute("DROP TABLE profile_out");
        return n;
    }

    /// <summary>A summary for people: customers profiled, buyers, revenue, and the median recency in days.</summary>
    public static ActivitySummary Summarize(IShopStore store, DateTime? asOf)
    {
        using var r = store.Query($"""
            SELECT count(*), count(*) FILTER (WHERE n_purchase > 0), coalesce(sum(revenue), 0), median(recency_s) / 86400.0, avg(events)
            FROM ({Sql(asOf)}) x
            """);
        r.Read();
        return new ActivitySummary(r.GetInt64(0), r.GetInt64(1), Convert.ToDouble(r.GetValue(2), CultureInfo.InvariantCulture),
            r.IsDBNull(3) ? 0 : Convert.ToDouble(r.GetValue(3), CultureInfo.InvariantCulture),
            r.IsDBNull(4) ? 0 : Convert.ToDouble(r.GetValue(4), CultureInfo.InvariantCulture));
    }
}

/// <summary>The headline figures of an <see cref="ActivityProfile"/>.</summary>
public sealed record ActivitySummary(long Customers, long Buyers, double Revenue, double MedianRecencyDays, double MeanEvents);
