using ShopLens.Core.Store;

namespace ShopLens.Insight.Reviews;

/// <summary>Puts together the review report (<see cref="ReviewReport"/>) from the store and its saved sentiment.</summary>
public static class ReviewAnalysis
{
    /// <summary>
    /// Themes of every review before the cut-off — or of one product's, or one category's (its path or a path it starts
    /// with, such as <c>Electronics</c>) — complaint alerts and unhappy high-value customers; the cut-off defaults to just
    /// after the latest review.
    /// </summary>
    /// <exception cref="KeyNotFoundException">a product or category without reviews</exception>
    /// <exception cref="ArgumentException">both a product and a category</exception>
    public static ReviewReport Run(IShopStore store, string? productId = null, DateTime? asOf = null, string? category = null)
    {
        if (productId is not null && category is not null) throw new ArgumentException("name a product or a category, not both");
        ArgumentNullException.ThrowIfNull(store);
        var all = StoredReviews.Load(store, asOf);
        var saved = SavedSentiment.TryLoad(store);
        var scores = SavedSentiment.Scores(store);
        var cutOff = asOf ?? (all.Count > 0 ? all[^1].Time.AddSeconds(1) : DateTime.UnixEpoch);
        var themes = new ReviewThemes(all, scores, saved?.Classifier);
        Func<StoredReview, bool> inScope = productId is not null ? r => r.ProductId == productId
            : category is not null ? r => r.Category == category || r.Category.StartsWith(category + ">", StringComparison.Ordinal)
            : _ => true;
        var scope = productId ?? category ?? "shop";
        if (!all.Any(inScope) && (productId ?? category) is not null)
            throw new KeyNotFoundException($"{(productId is null ? "category" : "product")} '{scope}' has no reviews{(asOf is null ? "" : " before the cut-off")}");
        var analysis = themes.Analyze(scope, inScope);
        var alerts = ComplaintAlerts.Find(all, cutOff, themes);
        var unhappy = UnhappyCustomers.Find(store, all, cutOff);
        return new ReviewReport(cutOff, all.Count, all.Count(r => scores.ContainsKey(SavedSentiment.Key(r))), saved?.Card, analysis,
            [.. alerts.Where(a => all.First(r => r.ProductId == a.ProductId) is var r && inScope(r))], unhappy);
    }
}
