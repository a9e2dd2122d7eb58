using ShopLens.Learning.Evaluation;

namespace ShopLens.Insight.Predictions;

/// <summary>
/// What a prediction model is and how well it did, every figure measured on a later period the model never saw:
/// the recipe is fitted with labels ending at <see cref="TestCutOff"/> and scored on the customers at that
/// cut-off against what they did in the following <see cref="HorizonDays"/> days. The model that scores
/// customers now is the same recipe refitted one horizon later (its own labels end at <see cref="ScoreCutOff"/>).
/// </summary>
public sealed record ModelCard
{
    public required string Task { get; init; }
    public required string Outcome { get; init; }
    public required string Population { get; init; }
    public required int HorizonDays { get; init; }
    public required int LookBackDays { get; init; }

    /// <summary>Features of the backtest's training rows are from before this; their labels from the horizon after it.</summary>
    public required DateTime TrainCutOff { get; init; }

    /// <summary>The evaluated period starts here: features before it, outcomes in the horizon after it.</summary>
    public required DateTime TestCutOff { get; init; }

    /// <summary>The moment scores are given for: the end of the data (or --as-of).</summary>
    public required DateTime ScoreCutOff { get; init; }

    /// <summary>Cut-offs stacked into the training rows: <see cref="TrainCutOff"/> and earlier ones a horizon apart.</summary>
    public required int TrainSnapshots { get; init; }

    /// <summary>Training rows over all snapshots (a customer counts once per snapshot).</summary>
    public required int TrainRows { get; init; }
    public required int TrainPositives { get; init; }
    public required int TestRows { get; init; }
    public required int TestPositives { get; init; }
    public required int ScoredCustomers { get; init; }

    /// <summary>The learner kept (<c>gbdt</c> or <c>logistic_regression</c>) and why.</summary>
    public required string Learner { get; init; }

    /// <summary>Validation AUC of each candidate learner on held-out customers of the training period.</summary>
    public required IReadOnlyDictionary<string, double> CandidateAuc { get; init; }

    /// <summary><c>isotonic</c>, <c>platt</c> or <c>none</c>.</summary>
    public required string Calibration { get; init; }

    public required CardMetrics Test { get; init; }

    /// <summary>AUC of ranking by days since the last activity alone, on the same test rows.</summary>
    public required double RecencyBaselineAuc { get; init; }

    public required IReadOnlyList<CalibrationBin> CalibrationCurve { get; init; }
    public required IReadOnlyList<LiftDecile> Deciles { get; init; }

    /// <summary>Columns by their mean absolute contribution to the test rows' log-odds (largest first).</summary>
    public required IReadOnlyList<FeatureWeight> TopFeatures { get; init; }

    /// <summary><c>high</c>, or <c>low</c> when the data are too thin for a confident model (see <see cref="ConfidenceReason"/>).</summary>
    public required string Confidence { get; init; }
    public string? ConfidenceReason { get; init; }

    public required double TrainingSeconds { get; init; }
    public required DateTime CreatedAt { get; init; }
}

/// <summary>A model's scores against the outcomes of unseen rows, with a bootstrap interval on AUC.</summary>
public sealed record CardMetrics(double Auc, double AucLow, double AucHigh, double PrAuc, double LogLoss, double Brier,
    double Ece, double BaseRate, double LiftTop10);

/// <summary>A feature column and its weight.</summary>
public sealed record FeatureWeight(string Feature, double Weight);
