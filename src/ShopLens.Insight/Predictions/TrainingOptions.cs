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

    /// <summary>
    /// Adds the sequence Transformer's view of each customer as two more columns: a
    /// model fitted on the events before each cut-off, so several small fits per training (<see cref="Predictions.SequenceFeatures"/>).
    /// </summary>
    public bool SequenceFeatures { get; init; }

    public int Threads { get; init; } = Environment.ProcessorCount;

    public int Seed { get; init; } = 1;

    /// <summary>Checks the numbers and names; the message names the option.</summary>
    public void Validate()
    {
        if (Learners.Count == 0) throw new ArgumentException("--learners: name at least one of gbdt, logistic_regression");
        foreach (var learner in Learners)
            if (learner is not (Predictions.Learners.Gbdt or Predictions.Learners.LogisticRegression))
                throw new ArgumentException($"--learners: unknown learner '{learner}'; use {Predictions.Learners.Gbdt} or {Predictions.Learners.LogisticRegression}");
        if (Snapshots < 1) throw new ArgumentException($"training options: Snapshots must be at least 1 (got {Snapshots})");
        if (BootstrapModels < 2) throw new ArgumentException($"training options: BootstrapModels must be at least 2 (got {BootstrapModels})");
        if (BootstrapResamples < 10) throw new ArgumentException($"training options: BootstrapResamples must be at least 10 (got {BootstrapResamples})");
        if (Threads < 1) throw new ArgumentException($"training options: Threads must be at least 1 (got {Threads})");
    }
}
