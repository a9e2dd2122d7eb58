using ShopLens.Core.Store;
using ShopLens.Insight.Features;

namespace ShopLens.Insight.Reviews;

/// <summary>Reads the store's reviews, oldest first (ties by customer, product and id, so the order is the same every time).</summary>
public static class StoredReviews
{
    /// <summary>Reviews written strictly before <paramref name="asOf"/> (all when null).</summary>
    public static IReadOnlyList<StoredReview> Load(IShopStore store, DateTime? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var reviews = new List<StoredReview>();
        using var reader = store.Query($"""
            SELECT r.review_id, r.customer_key, r.product_key, c.customer_id, p.product_id, r.ts, r.rating,
              coalesce(r.text, ''), coalesce(p.category, '')
            FROM reviews r
            JOIN customers c ON c.customer_key = r.customer_key
            JOIN products p ON p.product_key = r.product_key
            WHERE {CutOff.Before(asOf, "r.ts")}
            ORDER BY r.ts, r.customer_key, r.product_key, r.review_id
            """);
        while (reader.Read())
            reviews.Add(new StoredReview(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2),
                reader.GetString(3), reader.GetString(4), DateTime.SpecifyKind(reader.GetDateTime(5), DateTimeKind.Utc),
                Convert.ToInt32(reader.GetValue(6), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(7), reader.GetString(8)));
        return reviews;
    }
}
