using ShopLens.Core.Store;
using ShopLens.Insight.Features;
using ShopLens.Insight.Segments;

namespace ShopLens.Insight.Reviews;

/// <summary>
/// The segment "unhappy high-value customers": customers whose spend before the cut-off (the profile's
/// <c>monetary</c>) is in the top <see cref="TopValueShare"/> of buyers and who wrote a complaint (<see cref="ReviewMood"/>)
/// in the <see cref="RecentDays"/> days before it — the people a shop most wants to call back first.
/// </summary>
public static class UnhappyCustomers
{
    public const double TopValueShare = 0.2;

    public const int RecentDays = 90;

    /// <summary>The segment's name in the store's <c>segments</c> table (method <see cref="Method"/>).</summary>
    public const string Segment = "unhappy_high_value", Method = "reviews";

    /// <summary>The customers, most valuable first.</summary>
    public static IReadOnlyList<UnhappyCustomer> Find(IShopStore store, IReadOnlyList<StoredReview> reviews, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(reviews);
        var buyers = new List<(int Key, string Id, double Monetary, int Orders, double? Sentiment)>();
        using (var reader = store.Query($"SELECT customer_key, customer_id, monetary, orders, review_sentiment FROM ({CustomerProfile.Sql(asOf)}) AS p WHERE orders > 0"))
            while (reader.Read())
                buyers.Add((reader.GetInt32(0), reader.GetString(1), reader.GetDouble(2), Convert.ToInt32(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture),
                    reader.IsDBNull(4) ? null : reader.GetDouble(4)));
        if (buyers.Count == 0) return [];
        var spend = buyers.Select(b => b.Monetary).Order().ToArray();
        // The spend at the (1 − share) quantile; ties at it are in.
        var threshold = spend[(int)Math.Floor((spend.Length - 1) * (1 - TopValueShare))];
        var from = asOf.AddDays(-RecentDays);
        var complaints = reviews.Where(r => r.Time >= from && r.Time < asOf
                && ReviewMood.IsComplaint(r))
            .GroupBy(r => r.CustomerKey).ToDictionary(g => g.Key, g => g.ToList());
        return [.. buyers.Where(b => b.Monetary >= threshold && complaints.ContainsKey(b.Key))
            .Select(b =>
            {
                var mine = complaints[b.Key];
                var latest = mine[^1];
                return new UnhappyCustomer(b.Key, b.Id, b.Monetary, b.Orders, mine.Count, b.Sentiment, latest.ProductId, latest.Time, latest.Rating, latest.Text);
            })
            .OrderByDescending(c => c.Monetary).ThenBy(c => c.CustomerId, StringComparer.Ordinal)];
    }

    /// <summary>Saves the customers as segment <see cref="Segment"/> of method <see cref="Method"/>, for breakdowns and target lists.</summary>
    public static void Save(ShopStore store, IReadOnlyList<UnhappyCustomer> customers, DateTime asOf, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(customers);
        SavedSegments.Save(store, Method, asOf, [.. customers.Select(c => c.CustomerKey)], [.. customers.Select(_ => Segment)], time);
    }
}
