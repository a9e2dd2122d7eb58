using ShopLens.Core.Model;
using ShopLens.Core.Store;

namespace ShopLens.Insight.Features;

/// <summary>
/// Orders as every analysis counts them, whatever the source recorded. A store with rows in <c>orders</c> takes
/// its orders from there: revenue is the sum of its lines' <c>quantity × unit_price × (1 − discount)</c>, or the
/// order's <c>amount</c> when it has no lines. A store with no orders (event logs such as Taobao's) makes one
/// order of a customer's purchase events at the same moment, worth <c>price × quantity</c> summed.
/// Cancelled and returned orders are kept, flagged, so that returns can be counted; <see cref="KeptSql"/> drops them.
/// As of a cut-off, a return counts only once it is known then (see ReturnKnown).
/// </summary>
public static class Purchases
{
    /// <summary>
    /// One row per order placed strictly before the cut-off: <c>customer_key</c>, <c>order_id</c>, <c>ts</c>,
    /// <c>revenue</c> (a double holding an exact sum to 1/10,000; sum it through <see cref="Money"/>), <c>units</c>, <c>discounted</c> (any line discounted; false for event orders),
    /// <c>returned</c>, <c>cancelled</c>.
    /// </summary>
    public static string Sql(DateTime? asOf) => $"""
        SELECT o.customer_key, o.order_id, o.ts,
          coalesce(l.revenue, o.amount, 0) AS revenue,
          coalesce(l.units, 0) AS units,
          coalesce(l.discounted, FALSE) AS discounted,
          coalesce(o.status = '{OrderStatus.Returned}' AND {ReturnKnown(asOf)}, FALSE) AS returned,
          coalesce(o.status = '{OrderStatus.Cancelled}', FALSE) AS cancelled
        FROM orders o
        LEFT JOIN (
          SELECT order_id,
            CAST(sum({Money("quantity * unit_price * (1 - coalesce(discount, 0))")}) AS DOUBLE PRECISION) AS revenue,
            sum(quantity) AS units,
            bool_or(coalesce(discount, 0) > 0) AS discounted
          FROM order_lines GROUP BY order_id) l ON l.order_id = o.order_id
        WHERE {CutOff.Before(asOf, "o.ts")}
        UNION ALL
        SELECT e.customer_key, CAST(e.customer_key AS VARCHAR) || '@' || CAST(e.ts AS VARCHAR) AS order_id, e.ts,
          CAST(sum({Money("coalesce(e.price, 0) * coalesce(e.quantity, 1)")}) AS DOUBLE PRECISION) AS revenue,
          sum(coalesce(e.quantity, 1)) AS units,
          FALSE AS discounted, FALSE AS returned, FALSE AS cancelled
        FROM events e
        WHERE e.type = {(int)EventType.Purchase} AND {CutOff.Before(asOf, "e.ts")}
          AND NOT EXISTS (SELECT 1 FROM orders)
        GROUP BY e.customer_key, e.ts
        """;

    /// <summary>
    /// Whether a returned order <c>o</c> was already returned at the cut-off. A status is the order's final one; when the
    /// store records refunds as events, the return is known only once a refund of the customer's falls between the
    /// order and the cut-off. Stores without refund events (returns as dated credit notes, such as Online Retail's)
    /// keep the status.
    /// </summary>
    static string ReturnKnown(DateTime? asOf) => asOf is null ? "TRUE" : $"""
        (NOT EXISTS (SELECT 1 FROM events r WHERE r.type = {(int)EventType.Refund})
         OR EXISTS (SELECT 1 FROM events r WHERE r.type = {(int)EventType.Refund} AND r.customer_key = o.customer_key
           AND r.ts >= o.ts AND {CutOff.Before(asOf, "r.ts")}))
        """;

    /// <summary>
    /// An amount as an exact decimal, to 1/10,000 of the currency unit. Money is summed in decimals: a sum of doubles
    /// depends on the order of its terms, and the same data must give the same figures however it arrived.
    /// </summary>
    public static string Money(string amount) => $"CAST({amount} AS DECIMAL(18, 4))";

    /// <summary>
    /// Per customer with a kept order in [<paramref name="from"/>, <paramref name="to"/>): <c>customer_key</c>,
    /// <c>purchases</c> (distinct purchase days) and <c>spend</c> (kept revenue, exact), returns known as of
    /// <paramref name="to"/>.
    /// </summary>
    public static string KeptSpendSql(DateTime from, DateTime to) => $"""
        SELECT customer_key, count(DISTINCT CAST(ts AS DATE)) AS purchases, sum({Money("revenue")}) AS spend
        FROM ({KeptSql(to)}) AS kept WHERE ts >= {SqlLiteral.Timestamp(from)}
        GROUP BY customer_key
        """;

    /// <summary>The orders that count as sales: neither cancelled nor returned (columns as <see cref="Sql"/>).</summary>
    public static string KeptSql(DateTime? asOf) =>
        $"SELECT * FROM ({Sql(asOf)}) AS all_orders WHERE NOT returned AND NOT cancelled";
}
