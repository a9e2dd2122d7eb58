using ShopLens.Insight.Features;

namespace ShopLens.Insight.Journeys;

/// <summary>
/// The customers present before a cut-off — those with a sign-up date (<c>customers.first_seen</c>), an event or an order
/// before it — and when each last showed a sign of life, as SQL: <c>customer_key</c>, <c>last_active</c> (the latest of
/// their last event, last order of any status, and sign-up date).
/// </summary>
static class CustomerPresence
{
    public static string Sql(DateTime? asOf) => $"""
        SELECT customer_key, max(t) AS last_active FROM (
          SELECT customer_key, first_seen AS t FROM customers WHERE first_seen IS NOT NULL AND {CutOff.Before(asOf, "first_seen")}
          UNION ALL
          SELECT customer_key, max(ts) FROM events WHERE {CutOff.Before(asOf, "ts")} GROUP BY customer_key
          UNION ALL
          SELECT customer_key, max(ts) FROM orders WHERE {CutOff.Before(asOf, "ts")} GROUP BY customer_key
        ) AS seen GROUP BY customer_key
        """;
}
