using System.Globalization;
using ShopLens.Core.Store;
using ShopLens.Insight.Features;
using ShopLens.Learning.Recommenders;

namespace ShopLens.Insight.Recommendations;

/// <summary>
/// What the recommender needs to know of each product beyond the interactions: its id and title for people, its
/// top-level category for the diversity cap, whether it is bought again and again (consumables may be recommended
/// to those who bought them), and when anyone last touched it (long-untouched products count as no longer sold).
/// </summary>
public sealed class ProductFacts
{
    public required string[] Id { get; init; }
    public required string[] Title { get; init; }
    public required string[] Category { get; init; }
    public required bool[] Repeatable { get; init; }
    public required DateTime[] LastSeen { get; init; }

    /// <summary>List price; NaN where the product has none.</summary>
    public required double[] Price { get; init; }

    /// <summary>
    /// Facts for the products of <paramref name="productKeys"/> (a log's item order). A product is repeatable when at
    /// least <paramref name="repeatShare"/> of its buyers bought it on two or more days.
    /// </summary>
    public static ProductFacts Load(IShopStore store, IReadOnlyList<int> productKeys, double repeatShare = 0.1)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(productKeys);
        var index = new Dictionary<int, int>();
        for (var i = 0; i < productKeys.Count; i++) index[productKeys[i]] = i;
        var n = productKeys.Count;
        var facts = new ProductFacts
        {
            Id = new string[n], Title = new string[n], Category = new string[n], Repeatable = new bool[n], LastSeen = new DateTime[n], Price = new double[n],
        };
        using (var reader = store.Query($"""
            WITH bought AS (
              SELECT k.customer_key, l.product_key, count(DISTINCT CAST(k.ts AS DATE)) AS days
              FROM ({Purchases.KeptSql(null)}) k JOIN order_lines l ON l.order_id = k.order_id GROUP BY 1, 2),
            repeats AS (SELECT product_key, avg(CASE WHEN days > 1 THEN 1.0 ELSE 0.0 END) AS share FROM bought GROUP BY 1),
            seen AS (
              SELECT product_key, max(ts) AS last FROM (
                SELECT product_key, ts FROM events WHERE product_key IS NOT NULL
                UNION ALL SELECT l.product_key, o.ts FROM orders o JOIN order_lines l ON l.order_id = o.order_id
                UNION ALL SELECT product_key, ts FROM reviews) GROUP BY 1)
            SELECT p.product_key, p.product_id, coalesce(p.title, p.product_id), coalesce(split_part(p.category, '>', 1), ''),
              coalesce(r.share, 0), s.last, CAST(p.price AS DOUBLE PRECISION)
            FROM products p LEFT JOIN repeats r ON r.product_key = p.product_key LEFT JOIN seen s ON s.product_key = p.product_key
            """))
        {
            while (reader.Read())
            {
                if (!index.TryGetValue(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), out var i)) continue;
                facts.Id[i] = reader.GetString(1);
                facts.Title[i] = reader.GetString(2);
                facts.Category[i] = reader.GetString(3).Trim();
                facts.Repeatable[i] = Convert.ToDouble(reader.GetValue(4), CultureInfo.InvariantCulture) >= repeatShare;
                facts.LastSeen[i] = reader.IsDBNull(5) ? DateTime.MinValue : reader.GetDateTime(5);
                facts.Price[i] = reader.IsDBNull(6) ? double.NaN : reader.GetDouble(6);
            }
        }
        return facts;
    }

    /// <summary>
    /// Top-level categories and log prices for the hybrid's ranker (category affinity, price fit); null when no
    /// product has either, as in a ratings file with bare ids.
    /// </summary>
    public ItemSideInformation? SideInformation()
    {
        if (Category.All(string.IsNullOrEmpty) && Price.All(double.IsNaN)) return null;
        var groups = new Dictionary<string, int>();
        return new ItemSideInformation([.. Category.Select(c => groups.TryGetValue(c ?? "", out var g) ? g : groups[c ?? ""] = groups.Count)],
            [.. Price.Select(p => p > 0 ? (float)Math.Log(p) : float.NaN)]);
    }
}
