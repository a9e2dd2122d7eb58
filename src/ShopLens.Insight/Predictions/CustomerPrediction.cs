namespace ShopLens.Insight.Predictions;

/// <summary>One customer's score: the probability, its decile (1 = most likely) and the strongest reasons each way.</summary>
public sealed record CustomerPrediction(string CustomerId, double Probability, int Decile, IReadOnlyList<Reason> Up, IReadOnlyList<Reason> Down);
