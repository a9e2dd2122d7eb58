using ShopLens.Learning.Recommenders;

namespace ShopLens.Insight.Recommendations;

/// <summary>
/// One customer's history as the recommender scores it: the model's items in ascending order with their summed
/// weights, and the strongest thing the customer did with each — the built log's row merged with recent acts.
/// </summary>
sealed class History
{
    readonly InteractionKind[] _kinds;

    History(int[] items, float[] weights, InteractionKind[] kinds) => (Items, Weights, _kinds) = (items, weights, kinds);

    public int[] Items { get; }

    public float[] Weights { get; }

    /// <summary>The strongest act on <paramref name="item"/>, or 0 when the customer did nothing with it.</summary>
    public InteractionKind KindOf(int item)
    {
        var at = Array.BinarySearch(Items, item);
        return at >= 0 ? _kinds[at] : 0;
    }

    /// <summary>
    /// The row of <paramref name="user"/> in <paramref name="all"/> (−1: none) with <paramref name="strongest"/>
    /// (aligned with <paramref name="all"/>'s entries), plus <paramref name="recent"/>; recent products the model
    /// does not know are left out, as it cannot score them.
    /// </summary>
    public static History Of(int user, Interactions all, InteractionKind[] strongest, IReadOnlyList<RecentInteraction> recent,
        Dictionary<string, int> itemOf, InteractionWeights weights)
    {
        var (items, values, kinds) = user < 0
            ? ([], [], [])
            : (all.ItemsOf(user).ToArray(), all.WeightsOf(user).ToArray(),
               strongest.AsSpan(all.RowStart[user], all.RowStart[user + 1] - all.RowStart[user]).ToArray());
        if (recent.Count == 0) return new History(items, values, kinds);
        // Recent acts are few: merge them through a sorted map.
        var merged = new SortedDictionary<int, (float Weight, InteractionKind Kind)>();
        for (var n = 0; n < items.Length; n++) merged[items[n]] = (values[n], kinds[n]);
        foreach (var act in recent)
        {
            if (!itemOf.TryGetValue(act.ProductId, out var item)) continue;
            var (weight, kind) = merged.GetValueOrDefault(item);
            merged[item] = (weight + weights.Of(act.Kind), act.Kind > kind ? act.Kind : kind);
        }
        return new History([.. merged.Keys], [.. merged.Values.Select(v => v.Weight)], [.. merged.Values.Select(v => v.Kind)]);
    }
}
