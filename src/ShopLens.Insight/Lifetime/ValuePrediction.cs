namespace ShopLens.Insight.Lifetime;

/// <summary>
/// One model's predicted spend per customer over a horizon (<paramref name="Low"/>/<paramref name="High"/>: an
/// 80% interval, <paramref name="ProbabilityOfOrder"/>: the chance of any order, where the model gives them).
/// </summary>
public sealed record ValuePrediction(string Model, int[] CustomerKeys, double[] Spend, double[]? Low = null, double[]? High = null,
    double[]? ProbabilityOfOrder = null);
