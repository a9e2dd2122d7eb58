using ShopLens.Core.Model;
using ShopLens.Core.Store;

namespace ShopLens.Insight.Features;

/// <summary>
/// The customer profile (用户画像) as of a cut-off: one row per customer with any event or order strictly before it,
/// computed as one SQL query inside the store, in the dialect DuckDB and PostgreSQL share. docs/features.md
/// describes every column. Every aggregate is order-free and every "top" choice breaks ties by name, so the profile
/// is the same whatever order the events arrived in.
/// </summary>
public static class CustomerProfile
{
    /// <summary>Windows, in days, for the recent-activity counts (<c>n_view_7d</c>, …).</summary>
    public static readonly IReadOnlyList<int> RecentWindows = [7, 30, 90];

    /// <summary>A gap without events longer than this starts a new session, for events without a session id.</summary>
    public static readonly TimeSpan SessionGap = TimeSpan.FromMinutes(30);

    static IEnumerable<string> TypeCounts(string suffix) => EventTypes.All.Select(t => $"n_{EventTypes.Name(t)}{suffix}");

    /// <summary>Output columns, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "customer_key", "customer_id", "first_seen", "tenure_days", "last_active_days", "recency_days",
        "orders", "monetary", "avg_order_value", "avg_days_between_orders", "sd_days_between_orders", "returns", "cancellations",
        "distinct_products", "distinct_categories", "distinct_brands", "events",
        .. TypeCounts(""), .. RecentWindows.SelectMany(d => TypeCounts($"_{d}d")),
        "view_to_cart", "cart_to_purchase", "top_category", "top_category_share", "top_brand", "top_brand_share",
        "discount_share", "price_percentile", "weekend_share", "top_weekday", "top_hour", "sessions", "events_per_session",
        "reviews", "mean_rating", "review_sentiment", "negative_reviews",
    ];

    /// <summary>The columns that hold text.</summary>
    public static readonly IReadOnlySet<string> TextColumns = new HashSet<string>(StringComparer.Ordinal)
    {
        "customer_id", "top_category", "top_brand",
    };

    /// <summary>The columns that hold a timestamp.</summary>
    public static readonly IReadOnlySet<string> TimeColumns = new HashSet<string>(StringComparer.Ordinal) { "first_seen" };

    /// <summary>The columns that hold text or times; every other column is a number.</summary>
    public static readonly IReadOnlySet<string> NonNumericColumns = new HashSet<string>(TextColumns.Concat(TimeColumns), StringComparer.Ordinal);

    /// <summary>The profile query; rows come in no particular order (sorting 100,000s of ids costs; sort where it matters).</summary>
    public static string Sql(DateTime? asOf)
    {
        var purchase = (int)EventType.Purchase;
        // Counted per (customer, type) first, then turned into columns (one row per type, so max picks it): far cheaper
        // than 32 filtered counts per event.
        var windowCounts = string.Join(", ", RecentWindows.Select(d => $"CAST(count(*) FILTER (WHERE e.ts >= r.now_ts - INTERVAL '{d} days') AS INTEGER) AS n_{d}d"));
        var pivot = string.Join(",\n      ", new[] { "" }.Concat(RecentWindows.Select(d => $"_{d}d")).SelectMany(suffix => EventTypes.All.Select(t =>
            $"max(CASE WHEN type = {(int)t} THEN n{suffix} END) AS n_{EventTypes.Name(t)}{suffix}")));
        var eventColumns = string.Join(", ", new[] { "" }.Concat(RecentWindows.Select(d => $"_{d}d")).SelectMany(suffix =>
            EventTypes.All.Select(t => $"CAST(coalesce(ea.n_{EventTypes.Name(t)}{suffix}, 0) AS BIGINT) AS n_{EventTypes.Name(t)}{suffix}")));
        var view = $"n_{EventTypes.Name(EventType.View)}";
        var cart = $"n_{EventTypes.Name(EventType.Cart)}";
        var bought = $"n_{EventTypes.Name(EventType.Purchase)}";
        return $"""
            WITH r AS (SELECT {CutOff.Reference(asOf)} AS now_ts),
            -- Not materialized: each use scans the few columns it needs, cheaper than DuckDB copying every event once.
            ev AS NOT MATERIALIZED (
              SELECT customer_key, product_key, type, ts, session_id FROM events e WHERE {CutOff.Before(asOf, "e.ts")}),
            all_orders AS MATERIALIZED ({Purchases.Sql(asOf)}),
            kept AS (SELECT * FROM all_orders WHERE NOT returned AND NOT cancelled),
            type_counts AS (
              SELECT e.customer_key, e.type, CAST(count(*) AS INTEGER) AS n, {windowCounts}, min(e.ts) AS first_event, max(e.ts) AS last_event
              FROM ev e CROSS JOIN r GROUP BY e.customer_key, e.type),
            ev_agg AS MATERIALIZED (
              SELECT customer_key, sum(n) AS events, min(first_event) AS first_event, max(last_event) AS last_event,
              {pivot}
              FROM type_counts GROUP BY customer_key),
            order_gaps AS (
              -- Gaps in whole seconds, summed as integers: a sum of doubles would depend on the order of the rows.
              SELECT customer_key, ts, revenue, discounted,
                CAST(round(extract(epoch FROM ts) - extract(epoch FROM lag(ts) OVER (PARTITION BY customer_key ORDER BY ts))) AS BIGINT) AS gap_s
              FROM kept),
            order_agg AS (
              SELECT customer_key, count(*) AS orders, sum({Purchases.Money("revenue")}) AS monetary, min(ts) AS first_order, max(ts) AS last_order,
                count(gap_s) AS gaps, sum(gap_s) AS gap_sum, sum(gap_s * gap_s) AS gap_squares,
                CAST(count(*) FILTER (WHERE discounted) AS DOUBLE PRECISION) / count(*) AS discount_share
              FROM order_gaps GROUP BY customer_key),
            order_flags AS MATERIALIZED (
              SELECT customer_key, min(ts) AS first_any_order, max(ts) AS last_any_order,
                count(*) FILTER (WHERE returned) AS returns, count(*) FILTER (WHERE cancelled) AS cancellations
              FROM all_orders GROUP BY customer_key),
            bought AS (
              -- all_orders, not the orders table: a status is final, and a return after the cut-off was not known at it.
              SELECT o.customer_key, l.product_key FROM all_orders o JOIN order_lines l ON l.order_id = o.order_id
              WHERE NOT o.returned AND NOT o.cancelled
              UNION ALL
              SELECT customer_key, product_key FROM ev
              WHERE type = {purchase} AND product_key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM orders)),
            touched AS (
              SELECT customer_key, product_key FROM ev WHERE product_key IS NOT NULL
              UNION ALL
              SELECT o.customer_key, l.product_key FROM orders o JOIN order_lines l ON l.order_id = o.order_id
              WHERE {CutOff.Before(asOf, "o.ts")}),
            people AS MATERIALIZED (SELECT customer_key FROM ev_agg UNION SELECT customer_key FROM order_flags),
            -- Touches counted per (customer, product) first: distinct products, categories and brands then come from
            -- grouped rows instead of count(DISTINCT …) over every event, which is several times slower.
            product_touches AS MATERIALIZED (
              SELECT t.customer_key, t.product_key, count(*) AS n
              FROM touched t GROUP BY t.customer_key, t.product_key),
            category_touches AS MATERIALIZED (
              SELECT pt.customer_key, p.category, sum(pt.n) AS n
              FROM product_touches pt JOIN products p ON p.product_key = pt.product_key
              WHERE p.category IS NOT NULL AND p.category <> '' GROUP BY pt.customer_key, p.category),
            brand_touches AS MATERIALIZED (
              SELECT pt.customer_key, p.brand, sum(pt.n) AS n
              FROM product_touches pt JOIN products p ON p.product_key = pt.product_key
              WHERE p.brand IS NOT NULL AND p.brand <> '' GROUP BY pt.customer_key, p.brand),
            product_variety AS (SELECT customer_key, count(*) AS distinct_products FROM product_touches GROUP BY customer_key),
            category_variety AS (SELECT customer_key, count(*) AS distinct_categories FROM category_touches GROUP BY customer_key),
            brand_variety AS (SELECT customer_key, count(*) AS distinct_brands FROM brand_touches GROUP BY customer_key),
            category_counts AS (
              SELECT customer_key, split_part(category, '>', 1) AS top_level, sum(n) AS n,
                sum(sum(n)) OVER (PARTITION BY customer_key) AS total,
                row_number() OVER (PARTITION BY customer_key ORDER BY sum(n) DESC, split_part(category, '>', 1)) AS rank
              FROM category_touches GROUP BY customer_key, split_part(category, '>', 1)),
            brand_counts AS (
              SELECT customer_key, brand, n,
                sum(n) OVER (PARTITION BY customer_key) AS total,
                row_number() OVER (PARTITION BY customer_key ORDER BY n DESC, brand) AS rank
              FROM brand_touches),
            price_rank AS (
              SELECT product_key, percent_rank() OVER (PARTITION BY category ORDER BY price) AS pct
              FROM products WHERE price IS NOT NULL),
            price_position AS (
              SELECT b.customer_key, CAST(avg(CAST(pr.pct AS DECIMAL(18, 9))) AS DOUBLE PRECISION) AS price_percentile
              FROM bought b JOIN price_rank pr ON pr.product_key = b.product_key GROUP BY b.customer_key),
            rhythm AS MATERIALIZED (
              SELECT customer_key, extract(dow FROM ts) AS weekday, extract(hour FROM ts) AS hour, count(*) AS n
              FROM ev GROUP BY customer_key, extract(dow FROM ts), extract(hour FROM ts)),
            weekend AS (
              SELECT customer_key, CAST(sum(n) FILTER (WHERE weekday IN (0, 6)) AS DOUBLE PRECISION) / sum(n) AS weekend_share
              FROM rhythm GROUP BY customer_key),
            weekday_counts AS (
              SELECT customer_key, weekday, row_number() OVER (PARTITION BY customer_key ORDER BY sum(n) DESC, weekday) AS rank
              FROM rhythm GROUP BY customer_key, weekday),
            hour_counts AS (
              SELECT customer_key, hour, row_number() OVER (PARTITION BY customer_key ORDER BY sum(n) DESC, hour) AS rank
              FROM rhythm GROUP BY customer_key, hour),
            gap_starts AS (
              -- Events without a session id: a new session after a gap; equal times never start one, so ties need no order.
              -- One sort over (customer, time) rather than a window partitioned by customer: DuckDB runs it a third faster.
              SELECT customer_key,
                CASE WHEN customer_key = lag(customer_key) OVER w
                  AND ts - lag(ts) OVER w <= INTERVAL '{(int)SessionGap.TotalMinutes} minutes' THEN 0 ELSE 1 END AS starts
              FROM ev WHERE session_id IS NULL
              WINDOW w AS (ORDER BY customer_key, ts)),
            sessions AS (
              SELECT customer_key, sum(n) AS sessions FROM (
                SELECT customer_key, sum(starts) AS n FROM gap_starts GROUP BY customer_key
                UNION ALL
                SELECT customer_key, count(DISTINCT session_id) FROM ev WHERE session_id IS NOT NULL GROUP BY customer_key) AS parts
              GROUP BY customer_key),
            review_agg AS (
              -- Sentiment is the saved classifier's P(positive) of each text (review_sentiment; none before one is trained).
              SELECT rv.customer_key, count(*) AS reviews, avg(rv.rating) AS mean_rating, avg(rs.probability) AS review_sentiment,
                count(*) FILTER (WHERE rs.probability < 0.5) AS negative_reviews
              FROM reviews rv
              LEFT JOIN review_sentiment rs ON rs.customer_key = rv.customer_key AND rs.product_key = rv.product_key AND rs.ts = rv.ts
                AND (rs.review_id = rv.review_id OR rs.review_id IS NULL AND rv.review_id IS NULL)
              WHERE {CutOff.Before(asOf, "rv.ts")} GROUP BY rv.customer_key),
            firsts AS (
              SELECT pe.customer_key,
                least(c.first_seen, ea.first_event, ofl.first_any_order) AS first_seen,
                greatest(ea.last_event, ofl.last_any_order) AS last_active
              FROM people pe
              LEFT JOIN customers c ON c.customer_key = pe.customer_key
              LEFT JOIN ev_agg ea ON ea.customer_key = pe.customer_key
              LEFT JOIN order_flags ofl ON ofl.customer_key = pe.customer_key)
            SELECT pe.customer_key, c.customer_id, f.first_seen,
              (extract(epoch FROM r.now_ts) - extract(epoch FROM f.first_seen)) / 86400.0 AS tenure_days,
              (extract(epoch FROM r.now_ts) - extract(epoch FROM f.last_active)) / 86400.0 AS last_active_days,
              (extract(epoch FROM r.now_ts) - extract(epoch FROM oa.last_order)) / 86400.0 AS recency_days,
              coalesce(oa.orders, 0) AS orders,
              CAST(coalesce(oa.monetary, 0) AS DOUBLE PRECISION) AS monetary,
              CAST(oa.monetary AS DOUBLE PRECISION) / oa.orders AS avg_order_value,
              CASE WHEN oa.gaps > 0 THEN CAST(oa.gap_sum AS DOUBLE PRECISION) / oa.gaps / 86400 END AS avg_days_between_orders,
              CASE WHEN oa.gaps > 1 THEN sqrt(greatest(0, (CAST(oa.gap_squares AS DOUBLE PRECISION)
                - CAST(oa.gap_sum AS DOUBLE PRECISION) * oa.gap_sum / oa.gaps) / (oa.gaps - 1))) / 86400 END AS sd_days_between_orders,
              coalesce(ofl.returns, 0) AS returns,
              coalesce(ofl.cancellations, 0) AS cancellations,
              coalesce(pv.distinct_products, 0) AS distinct_products,
              coalesce(cv.distinct_categories, 0) AS distinct_categories,
              coalesce(bv.distinct_brands, 0) AS distinct_brands,
              CAST(coalesce(ea.events, 0) AS BIGINT) AS events,
              {eventColumns},
              CASE WHEN ea.{view} > 0 THEN CAST(ea.{cart} AS DOUBLE PRECISION) / ea.{view} END AS view_to_cart,
              CASE WHEN ea.{cart} > 0 THEN CAST(ea.{bought} AS DOUBLE PRECISION) / ea.{cart} END AS cart_to_purchase,
              cc.top_level AS top_category,
              CAST(cc.n AS DOUBLE PRECISION) / cc.total AS top_category_share,
              bc.brand AS top_brand,
              CAST(bc.n AS DOUBLE PRECISION) / bc.total AS top_brand_share,
              oa.discount_share,
              pp.price_percentile,
              wk.weekend_share,
              wc.weekday AS top_weekday,
              hc.hour AS top_hour,
              CAST(coalesce(s.sessions, 0) AS BIGINT) AS sessions,
              CASE WHEN s.sessions > 0 THEN CAST(ea.events AS DOUBLE PRECISION) / s.sessions END AS events_per_session,
              coalesce(ra.reviews, 0) AS reviews,
              ra.mean_rating,
              ra.review_sentiment,
              coalesce(ra.negative_reviews, 0) AS negative_reviews
            FROM people pe
            CROSS JOIN r
            JOIN customers c ON c.customer_key = pe.customer_key
            JOIN firsts f ON f.customer_key = pe.customer_key
            LEFT JOIN ev_agg ea ON ea.customer_key = pe.customer_key
            LEFT JOIN order_agg oa ON oa.customer_key = pe.customer_key
            LEFT JOIN order_flags ofl ON ofl.customer_key = pe.customer_key
            LEFT JOIN product_variety pv ON pv.customer_key = pe.customer_key
            LEFT JOIN category_variety cv ON cv.customer_key = pe.customer_key
            LEFT JOIN brand_variety bv ON bv.customer_key = pe.customer_key
            LEFT JOIN category_counts cc ON cc.customer_key = pe.customer_key AND cc.rank = 1
            LEFT JOIN brand_counts bc ON bc.customer_key = pe.customer_key AND bc.rank = 1
            LEFT JOIN price_position pp ON pp.customer_key = pe.customer_key
            LEFT JOIN weekend wk ON wk.customer_key = pe.customer_key
            LEFT JOIN weekday_counts wc ON wc.customer_key = pe.customer_key AND wc.rank = 1
            LEFT JOIN hour_counts hc ON hc.customer_key = pe.customer_key AND hc.rank = 1
            LEFT JOIN sessions s ON s.customer_key = pe.customer_key
            LEFT JOIN review_agg ra ON ra.customer_key = pe.customer_key
            """;
    }

    /// <summary>
    /// Computes the profile once into the temporary table <c>customer_profile</c> of this store session, for several
    /// uses (a file, a summary, segments) without recomputing it; returns the table's name.
    /// </summary>
    public static string Materialize(IShopStore store, DateTime? asOf)
    {
        store.Execute($"CREATE OR REPLACE TEMP TABLE customer_profile AS {Sql(asOf)}");
        return "customer_profile";
    }

    /// <summary>Writes a materialized profile to a CSV, Parquet or JSON-lines file (by extension); returns the number of customers.</summary>
    public static long Export(IShopStore store, string table, string path)
    {
        var columns = string.Join(", ", Columns.Where(c => c != "customer_key"));
        return QueryExport.Write(store, $"SELECT {columns} FROM {table} ORDER BY customer_id", path);
    }
}
