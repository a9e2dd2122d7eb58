namespace ShopLens.Insight.Recommendations;

/// <summary>One recommended product, its score from the model and why it is there, in words.</summary>
public sealed record Recommendation(string ProductId, string Title, double Score, string Reason);
