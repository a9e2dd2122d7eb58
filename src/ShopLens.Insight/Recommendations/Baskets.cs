using System.Globalization;
using ShopLens.Core.Model;
using ShopLens.Core.Store;
using ShopLens.Insight.Features;
using ShopLens.Learning.Recommenders;

namespace ShopLens.Insight.Recommendations;

/// <summary>
/// The store's kept orders as baskets of products, for frequently-bought-together rules: one row per order (or, in a
/// store without orders, per customer's purchase events at one moment), one column per product.
/// </summary>
public sealed class Baskets
{
    public required Interactions Matrix { get; init; }
    public required int[] ProductKeys { get; init; }

    public static Baskets Load(IShopStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var sql = $"""
            SELECT k.order_id, l.product_key FROM ({Purchases.KeptSql(null)}) k JOIN order_lines l ON l.order_id = k.order_id
            UNION ALL
            SELECT CAST(customer_key AS VARCHAR) || '@' || CAST(ts AS VARCHAR), product_key FROM events
            WHERE type = {(int)EventType.Purchase} AND product_key IS NOT NULL AND customer_key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM orders)
            """;
        var orders = new Dictionary<string, int>();
        var products = new Dictionary<int, int>();
        List<int> rows = [], columns = [];
        using (var reader = store.Query(sql))
            while (reader.Read())
            {
                var order = reader.GetString(0);
                var product = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
                if (!orders.TryGetValue(order, out var row)) orders[order] = row = orders.Count;
                if (!products.TryGetValue(product, out var column)) products[product] = column = products.Count;
                rows.Add(row);
                columns.Add(column);
            }
        return new Baskets
        {
            Matrix = Interactions.FromTriples(orders.Count, products.Count, [.. rows], [.. columns], [.. rows.Select(_ => 1f)]),
            ProductKeys = [.. products.OrderBy(e => e.Value).Select(e => e.Key)],
        };
    }
}
