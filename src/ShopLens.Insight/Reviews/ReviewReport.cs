namespace ShopLens.Insight.Reviews;

/// <summary>
/// What <c>shoplens reviews analyze</c> shows: the themes of the shop (or one product), products whose complaints
/// are rising, and the unhappy high-value customers, as of <see cref="AsOf"/>; <see cref="Sentiment"/> is the saved
/// classifier's card, when one is trained.
/// </summary>
public sealed record ReviewReport(DateTime AsOf, int Reviews, int ScoredReviews, SentimentCard? Sentiment, ThemeAnalysis Themes,
    IReadOnlyList<ComplaintAlert> Alerts, IReadOnlyList<UnhappyCustomer> UnhappyHighValue);
