namespace ShopLens.Insight.Lifetime;

/// <summary>
/// One model's predicted spend per customer over a horizon (<paramref name="Low"/>/<paramref name="High"/>: an
/// 80% interval where the model gives one).
/// </summary>
public sealed record ValuePrediction(string Model, int[] CustomerKeys, double[] Spend, double[]? Low = null, double[]? High = null);
