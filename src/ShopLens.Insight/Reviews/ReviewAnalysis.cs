using ShopLens.Core.Store;

namespace ShopLens.Insight.Reviews;

/// <summary>Puts together the review report (<see cref="ReviewReport"/>) from the store and its saved sentiment.</summary>
public static class ReviewAnalysis
{
    /// <summary>
    /// Themes of every review before the cut-off (or one product's), complaint alerts and unhappy high-value customers;
    /// the cut-off defaults to just after the latest review.
    /// </summary>
    /// <exception cref="KeyNotFoundException">a product without reviews</exception>
    public static ReviewReport Run(IShopStore store, string? productId = null, DateTime? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var all = StoredReviews.Load(store, asOf);
        var saved = SavedSentiment.TryLoad(store);
        var scores = SavedSentiment.Scores(store);
        var cutOff = asOf ?? (all.Count > 0 ? all[^1].Time.AddSeconds(1) : DateTime.UnixEpoch);
        var themes = new ReviewThemes(all, scores, saved?.Classifier);
        if (productId is not null && !all.Any(r => r.ProductId == productId))
            throw new KeyNotFoundException($"product '{productId}' has no reviews{(asOf is null ? "" : " before the cut-off")}");
        var analysis = productId is null
            ? themes.Analyze("shop", _ => true)
            : themes.Analyze(productId, r => r.ProductId == productId);
        var alerts = ComplaintAlerts.Find(all, cutOff, themes);
        var unhappy = UnhappyCustomers.Find(store, all, cutOff);
        return new ReviewReport(cutOff, all.Count, all.Count(r => scores.ContainsKey(SavedSentiment.Key(r))), saved?.Card, analysis,
            productId is null ? alerts : [.. alerts.Where(a => a.ProductId == productId)], unhappy);
    }
}
