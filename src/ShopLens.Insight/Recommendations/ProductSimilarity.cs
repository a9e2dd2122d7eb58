using ShopLens.Learning.Recommenders;

namespace ShopLens.Insight.Recommendations;

/// <summary>
/// Which products go with which, by who interacts with both (item-kNN's shrunk cosine over the whole log): for
/// <c>shoplens similar</c>, and to say why a product is recommended.
/// </summary>
public sealed class ProductSimilarity
{
    readonly ItemKnn _knn;
    readonly Dictionary<string, int> _index;

    ProductSimilarity(ItemKnn knn, ProductFacts facts)
    {
        (_knn, Facts) = (knn, facts);
        _index = facts.Id.Select((id, i) => (id, i)).Where(p => p.id is not null).ToDictionary(p => p.id, p => p.i);
    }

    public ProductFacts Facts { get; }

    public static ProductSimilarity Fit(InteractionLog log, ProductFacts facts, int neighbours = 50)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(facts);
        return new ProductSimilarity(ItemKnn.Fit(log.Matrix(_ => true), new ItemKnnOptions { Neighbours = neighbours }), facts);
    }

    /// <summary>The products most like <paramref name="productId"/>, best first, among those <paramref name="allowed"/>.</summary>
    /// <exception cref="KeyNotFoundException">no such product among the interactions</exception>
    public IReadOnlyList<(string ProductId, string Title, double Similarity)> Similar(string productId, int k, Func<int, bool> allowed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (!_index.TryGetValue(productId, out var item)) throw new KeyNotFoundException($"no product '{productId}' with interactions in the store");
        return [.. _knn.Neighbours(item).Where(n => allowed(n.Item)).Take(k).Select(n => (Facts.Id[n.Item], Facts.Title[n.Item], (double)n.Similarity))];
    }

    /// <summary>
    /// For each of <paramref name="items"/>, the item of <paramref name="history"/> that has it among its neighbours
    /// with the highest similarity, or −1 when none has. One pass over the history's neighbours serves every item.
    /// </summary>
    public int[] MostLike(ReadOnlySpan<int> history, ReadOnlySpan<int> items)
    {
        var best = new int[items.Length];
        var similarity = new float[items.Length];
        best.AsSpan().Fill(-1);
        foreach (var h in history)
        {
            var neighbours = _knn.NeighbourItems(h);
            var similarities = _knn.NeighbourSimilarities(h);
            for (var n = 0; n < neighbours.Length; n++)
            {
                var at = items.IndexOf(neighbours[n]);
                if (at >= 0 && similarities[n] > similarity[at]) (best[at], similarity[at]) = (h, similarities[n]);
            }
        }
        return best;
    }
}
