namespace ShopLens.Insight.Predictions;

/// <summary>How <c>shoplens train</c> fits a prediction task.</summary>
public sealed record TrainingOptions
{
    /// <summary>The moment scores are for; null = the end of the data. Backtest periods are laid out one and two horizons before it.</summary>
    public DateTime? AsOf { get; init; }

    /// <summary>Candidate learners, compared on held-out customers of the earlier period.</summary>
    public IReadOnlyList<string> Learners { get; init; } = [Predictions.Learners.Gbdt, Predictions.Learners.LogisticRegression];

    /// <summary>
    /// Snapshots stacked into each training set: cut-offs one horizon apart, the latest one horizon before the period
    /// the model is judged on (or scores), so every training outcome precedes it. Fewer when the history is short.
    /// </summary>
    public int Snapshots { get; init; } = 3;

    /// <summary>Below this many positive outcomes in a period, the model card says the data are thin and scores get bootstrap intervals.</summary>
    public int ThinPositives { get; init; } = 200;

    /// <summary>Refits on resampled customers for the intervals of thin data.</summary>
    public int BootstrapModels { get; init; } = 20;

    /// <summary>Resamples of the test rows for the AUC interval.</summary>
    public int BootstrapResamples { get; init; } = 200;

    public int Threads { get; init; } = Environment.ProcessorCount;

    public int Seed { get; init; } = 1;
}
