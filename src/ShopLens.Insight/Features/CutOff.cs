using ShopLens.Core.Store;

namespace ShopLens.Insight.Features;

/// <summary>
/// The cut-off of an analysis as SQL, in the dialect DuckDB and PostgreSQL share. Features use what happened
/// strictly before it; without one, everything counts and "now" is the last moment the store has data for.
/// </summary>
public static class CutOff
{
    /// <summary>The moment recency and tenure are measured from: the cut-off, or the store's last event or order.</summary>
    public static string Reference(DateTime? asOf) => asOf is null
        ? "(SELECT max(t) FROM (SELECT max(ts) AS t FROM events UNION ALL SELECT max(ts) FROM orders) AS last_times)"
        : SqlLiteral.Timestamp(asOf.Value);

    /// <summary>A condition on <paramref name="column"/> keeping what came strictly before the cut-off (always true without one).</summary>
    public static string Before(DateTime? asOf, string column) => asOf is null ? "TRUE" : $"{column} < {SqlLiteral.Timestamp(asOf.Value)}";
}
