namespace ShopLens.Insight.Reviews;

/// <summary>How review sentiment is trained.</summary>
public sealed record SentimentOptions
{
    /// <summary>Inverse regularisation strength; null chooses it on held-out training texts.</summary>
    public double? C { get; init; }

    /// <summary>NB-SVM: scale n-grams by their naive Bayes log-count ratios first.</summary>
    public bool NaiveBayes { get; init; }

    /// <summary>The share of texts held out for the card: the latest reviews of the store, or a stratified draw of a file.</summary>
    public double TestShare { get; init; } = 0.2;

    public int Seed { get; init; } = 1;
}
