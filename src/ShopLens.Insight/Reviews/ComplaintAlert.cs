namespace ShopLens.Insight.Reviews;

/// <summary>
/// A product whose complaint rate rose: complaints among its reviews of the recent window against the baseline window
/// before it, the one-sided two-proportion z-score of the rise, and what its recent complaints name most.
/// </summary>
public sealed record ComplaintAlert(string ProductId, string Category, int RecentReviews, int RecentComplaints, int BaselineReviews,
    int BaselineComplaints, double Z, string? RecentTheme)
{
    public double RecentRate => (double)RecentComplaints / RecentReviews;

    public double BaselineRate => BaselineReviews == 0 ? 0 : (double)BaselineComplaints / BaselineReviews;
}
