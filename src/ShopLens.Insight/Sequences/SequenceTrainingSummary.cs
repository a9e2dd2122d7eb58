namespace ShopLens.Insight.Sequences;

/// <summary>What a shop's sequence model was trained on and how training went (stored beside the model).</summary>
public sealed record SequenceTrainingSummary(DateTime TrainedAt, DateTime? Before, int Customers, int Events, int Products,
    IReadOnlyList<double> EpochLosses, double FitSeconds, double TokensPerSecond);
