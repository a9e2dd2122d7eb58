namespace ShopLens.Insight.Reviews;

/// <summary>
/// Finds products whose complaint rate is rising: per product, the share of complaints (<see cref="ReviewMood"/>) among
/// reviews of the last <see cref="AlertOptions.RecentDays"/> days before the cut-off against the
/// <see cref="AlertOptions.BaselineDays"/> days before that, tested by the one-sided two-proportion z-test with the
/// pooled rate. A product is flagged at z ≥ <see cref="AlertOptions.MinZ"/> with at least
/// <see cref="AlertOptions.MinComplaints"/> recent complaints, most rising first.
/// </summary>
public static class ComplaintAlerts
{
    /// <param name="reviews">the shop's reviews, oldest first</param>
    /// <param name="asOf">the end of the recent window (exclusive)</param>
    /// <param name="themes">names the recent complaints' leading theme, when given</param>
    /// <param name="options">the windows and thresholds (defaults when null)</param>
    public static IReadOnlyList<ComplaintAlert> Find(IReadOnlyList<StoredReview> reviews, DateTime asOf, ReviewThemes? themes = null, AlertOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        options ??= new AlertOptions();
        var recentFrom = asOf.AddDays(-options.RecentDays);
        var baselineFrom = recentFrom.AddDays(-options.BaselineDays);
        var alerts = new List<ComplaintAlert>();
        foreach (var product in reviews.Where(r => r.Time >= baselineFrom && r.Time < asOf).GroupBy(r => r.ProductId))
        {
            int recent = 0, recentComplaints = 0, baseline = 0, baselineComplaints = 0;
            foreach (var r in product)
            {
                var complaint = ReviewMood.IsComplaint(r) ? 1 : 0;
                if (r.Time >= recentFrom) (recent, recentComplaints) = (recent + 1, recentComplaints + complaint);
                else (baseline, baselineComplaints) = (baseline + 1, baselineComplaints + complaint);
            }
            if (recentComplaints < options.MinComplaints) continue;
            var z = RiseZ(recentComplaints, recent, baselineComplaints, baseline);
            if (z < options.MinZ) continue;
            var theme = themes?.Analyze(product.Key, r => r.ProductId == product.Key && r.Time >= recentFrom && r.Time < asOf, 1).Complained.FirstOrDefault()?.Name;
            alerts.Add(new ComplaintAlert(product.Key, product.First().Category, recent, recentComplaints, baseline, baselineComplaints, Math.Round(z, 3), theme));
        }
        return [.. alerts.OrderByDescending(a => a.Z).ThenBy(a => a.ProductId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// z = (p₁ − p₀) / √(p̄(1 − p̄)(1/n₁ + 1/n₀)) with the pooled p̄. A product without baseline reviews is set against a
    /// baseline rate of 0 over one review, so only a clearly bad start alerts; with every review of both windows a
    /// complaint (or none) there is no rise, z = 0.
    /// </summary>
    public static double RiseZ(int recentComplaints, int recent, int baselineComplaints, int baseline)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(recent);
        var n0 = Math.Max(baseline, 1);
        var p1 = (double)recentComplaints / recent;
        var p0 = (double)baselineComplaints / n0;
        var pooled = (double)(recentComplaints + baselineComplaints) / (recent + n0);
        var spread = Math.Sqrt(pooled * (1 - pooled) * (1.0 / recent + 1.0 / n0));
        return spread == 0 ? 0 : (p1 - p0) / spread;
    }
}
