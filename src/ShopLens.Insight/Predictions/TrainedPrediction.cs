namespace ShopLens.Insight.Predictions;

/// <summary>
/// A trained task: its model card, the scorer, and the scores of the customers at the scoring cut-off
/// (<c>Intervals</c>: bootstrap 5–95% intervals when the data are thin, else null).
/// </summary>
public sealed record TrainedPrediction(ModelCard Card, CustomerScorer Scorer, int[] CustomerKeys, double[] Probabilities,
    (double[] Low, double[] High)? Intervals);
