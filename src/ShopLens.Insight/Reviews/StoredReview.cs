namespace ShopLens.Insight.Reviews;

/// <summary>A review in the store, with its product's category path (empty when the product has none).</summary>
public sealed record StoredReview(string? ReviewId, int CustomerKey, int ProductKey, string CustomerId, string ProductId,
    DateTime Time, int Rating, string Text, string Category);
