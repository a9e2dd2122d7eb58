using System.Globalization;
using ShopLens.Core.Model;
using ShopLens.Core.Store;

namespace ShopLens.Insight.Privacy;

/// <summary>
/// Everything the store holds about one customer, exported or erased in every table: their record, events, orders and
/// order lines, reviews, and what models said of them (segments, scores, value forecasts). Erasure keeps the
/// customer's key with a tombstone id (<c>erased:KEY</c>) and no fields, as keys must stay dense; the id itself is gone.
/// </summary>
public static class CustomerRecords
{
    /// <summary>The tables, each with the query that selects one customer's rows (<c>{0}</c> is their key).</summary>
    static readonly (string Table, string Sql)[] Tables =
    [
        ("customer", "SELECT customer_id, first_seen, region, channel, age_band FROM customers WHERE customer_key = {0}"),
        ("events", """
            SELECT e.event_id, e.session_id, p.product_id, t.name AS type, e.ts AS timestamp, e.price, e.quantity, e.query, e.channel
            FROM events e LEFT JOIN products p ON p.product_key = e.product_key JOIN event_types t ON t.type = e.type
            WHERE e.customer_key = {0} ORDER BY e.ts
            """),
        ("orders", "SELECT order_id, ts AS timestamp, status, amount FROM orders WHERE customer_key = {0} ORDER BY ts"),
        ("order_lines", """
            SELECT l.order_id, p.product_id, l.quantity, l.unit_price, l.discount FROM order_lines l JOIN products p ON p.product_key = l.product_key
            WHERE l.order_id IN (SELECT order_id FROM orders WHERE customer_key = {0}) ORDER BY l.order_id, p.product_id
            """),
        ("reviews", """
            SELECT r.review_id, p.product_id, r.ts AS timestamp, r.rating, r.text FROM reviews r JOIN products p ON p.product_key = r.product_key
            WHERE r.customer_key = {0} ORDER BY r.ts
            """),
        ("segments", "SELECT method, segment, as_of, created_at FROM segments WHERE customer_key = {0} ORDER BY method"),
        ("predictions", "SELECT task, as_of, probability, low, high, decile FROM predictions WHERE customer_key = {0} ORDER BY task"),
        ("customer_value", """
            SELECT model, p_alive, expected_orders, p_order, spend_per_order, expected_spend, spend_low, spend_high, clv,
              next_order, next_order_low, next_order_high, next_order_status FROM customer_value WHERE customer_key = {0} ORDER BY model
            """),
    ];

    /// <summary>Every row about the customer, by table; null when the store has no such customer.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>>? Export(ShopStore store, string customerId)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!store.Customers.TryGetKey(customerId, out var key)) return null;
        var result = new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>>(StringComparer.Ordinal);
        foreach (var (table, sql) in Tables)
        {
            var rows = new List<IReadOnlyDictionary<string, object?>>();
            using var r = store.Query(string.Format(CultureInfo.InvariantCulture, sql, key));
            while (r.Read())
            {
                var row = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var c = 0; c < r.FieldCount; c++) row[r.GetName(c)] = r.IsDBNull(c) ? null : r.GetValue(c);
                rows.Add(row);
            }
            result[table] = rows;
        }
        return result;
    }

    /// <summary>Deletes every row about the customer in one transaction; the rows removed by table, or null for no such customer.</summary>
    public static IReadOnlyDictionary<string, long>? Erase(ShopStore store, string customerId)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!store.Customers.TryGetKey(customerId, out var key)) return null;
        var k = key.ToString(CultureInfo.InvariantCulture);
        var tombstone = $"erased:{k}";
        var removed = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var tx = store.Connection.BeginTransaction())
        {
            removed["order_lines"] = store.Execute($"DELETE FROM order_lines WHERE order_id IN (SELECT order_id FROM orders WHERE customer_key = {k})");
            foreach (var table in new[] { "events", "orders", "reviews", "segments", "predictions", "customer_value" })
                removed[table] = store.Execute($"DELETE FROM {table} WHERE customer_key = {k}");
            removed["customer"] = store.Execute(
                $"UPDATE customers SET customer_id = {SqlLiteral.Text(tombstone)}, first_seen = NULL, region = NULL, channel = NULL, age_band = NULL WHERE customer_key = {k}");
            tx.Commit();
        }
        store.Customers.Rename(key, tombstone);
        return removed;
    }
}
