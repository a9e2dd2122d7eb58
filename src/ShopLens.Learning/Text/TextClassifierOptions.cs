namespace ShopLens.Learning.Text;

/// <summary>How <see cref="TextClassifier"/> fits.</summary>
public sealed record TextClassifierOptions
{
    /// <summary>Inverse regularisation strength; null chooses it from <see cref="CandidateC"/> on a held-out fifth of the training texts.</summary>
    public double? C { get; init; }

    /// <summary>The values a null <see cref="C"/> is chosen from.</summary>
    public IReadOnlyList<double> CandidateC { get; init; } = [1, 3, 10, 30];

    /// <summary>
    /// NB-SVM (Wang &amp; Manning 2012): each column scaled by its naive Bayes log-count ratio before the regression,
    /// which helps most on small or short-text corpora and at strong regularisation.
    /// </summary>
    public bool NaiveBayes { get; init; }

    /// <summary>Terms are hashed into 2^Bits columns.</summary>
    public int Bits { get; init; } = 20;

    /// <summary>Longest Chinese character n-gram.</summary>
    public int MaxCharLength { get; init; } = 3;

    /// <summary>The solver's stopping tolerance (scikit-learn's tol).</summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>Seeds the solver's row order and the held-out fifth.</summary>
    public int Seed { get; init; }
}
