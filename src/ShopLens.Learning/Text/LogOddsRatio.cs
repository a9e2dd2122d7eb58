namespace ShopLens.Learning.Text;

/// <summary>
/// Which terms set one group of texts apart from another: the log-odds ratio with an informative Dirichlet prior
/// (Monroe, Colaresi &amp; Quinn 2008, "Fightin' Words", eq. 16-22). For term w with counts yᵢ, yⱼ in groups of nᵢ, nⱼ
/// terms and prior count αw (α₀ in all),
/// δ = ln((yᵢ + αw) / (nᵢ + α₀ − yᵢ − αw)) − ln((yⱼ + αw) / (nⱼ + α₀ − yⱼ − αw)), Var δ ≈ 1/(yᵢ + αw) + 1/(yⱼ + αw),
/// and a term ranks by z = δ / √Var δ: far above 0 for the first group's words, far below for the second's. The prior
/// shrinks rare terms towards the background, so a word seen twice does not top the list.
/// </summary>
public static class LogOddsRatio
{
    /// <summary>
    /// The z-score of each term. <paramref name="background"/> counts each term in a larger corpus; the prior is that
    /// corpus's frequencies scaled to <paramref name="priorTotal"/> pseudo-counts — by default as many as the smaller group
    /// holds, so the prior neither swamps a small group (one product's reviews) nor vanishes beside a large one (the shop's).
    /// </summary>
    public static Dictionary<string, double> ZScores(IReadOnlyDictionary<string, int> first, IReadOnlyDictionary<string, int> second,
        IReadOnlyDictionary<string, int> background, double? priorTotal = null)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentNullException.ThrowIfNull(background);
        double firstTotal = first.Values.Sum(v => (long)v), secondTotal = second.Values.Sum(v => (long)v);
        double backgroundTotal = background.Values.Sum(v => (long)v);
        var alpha0 = priorTotal ?? Math.Min(firstTotal, secondTotal);
        if (!(alpha0 > 0) || !(backgroundTotal > 0)) return [];
        var z = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in first.Keys.Union(second.Keys, StringComparer.Ordinal))
        {
            // A term the background lacks gets half a count, so it still has a (weak) prior.
            var alpha = alpha0 * Math.Max(background.GetValueOrDefault(term), 0.5) / backgroundTotal;
            double yi = first.GetValueOrDefault(term), yj = second.GetValueOrDefault(term);
            var delta = Math.Log((yi + alpha) / (firstTotal + alpha0 - yi - alpha)) - Math.Log((yj + alpha) / (secondTotal + alpha0 - yj - alpha));
            z[term] = delta / Math.Sqrt(1 / (yi + alpha) + 1 / (yj + alpha));
        }
        return z;
    }
}
