using ShopLens.Learning.Evaluation;

namespace ShopLens.Insight.Reviews;

/// <summary>
/// What a review sentiment classifier is and how well it did on reviews it never trained on (<see cref="Evaluation"/>
/// says which: later reviews of the store, a test file, or a held-out fifth of a labelled file). The saved classifier is
/// the same recipe refitted on every labelled text.
/// </summary>
public sealed record SentimentCard
{
    public required DateTime CreatedAt { get; init; }

    /// <summary>Where the labelled texts came from: a file, or the store's reviews.</summary>
    public required string Source { get; init; }

    /// <summary>How labels were read: <c>binary</c>, or <c>ratings</c> as weak labels (4-5 positive, 1-2 negative, 3 left out).</summary>
    public required string Labels { get; init; }

    public required int Texts { get; init; }
    public required int Positives { get; init; }

    /// <summary>Neutral ratings left out of the weak labels.</summary>
    public required int Neutral { get; init; }

    /// <summary>Lines of a file not used (each with its reason in the file's report).</summary>
    public required int Rejected { get; init; }

    /// <summary>What the metrics were measured on.</summary>
    public required string Evaluation { get; init; }

    public required int TrainRows { get; init; }

    /// <summary>For the store: the evaluated reviews were written at or after this; the training ones before it.</summary>
    public DateTime? TestFrom { get; init; }

    public required SentimentMetrics Test { get; init; }

    public required double C { get; init; }

    /// <summary>Held-out accuracy of each candidate C when C was chosen (on the evaluation's training rows).</summary>
    public required IReadOnlyDictionary<string, double> CandidateC { get; init; }

    public required bool NaiveBayes { get; init; }

    /// <summary>Hashed n-gram columns with a weight in the saved classifier.</summary>
    public required int WeightedColumns { get; init; }

    /// <summary>Seconds to fit the saved classifier (vectorising included).</summary>
    public required double FitSeconds { get; init; }
}
