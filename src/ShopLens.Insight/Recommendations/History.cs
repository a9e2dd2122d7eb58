using ShopLens.Learning.Recommenders;

namespace ShopLens.Insight.Recommendations;

/// <summary>
/// One customer's history as the recommender scores it: the model's items in ascending order with their summed
/// weights, and the strongest thing the customer did with each — the built log's row merged with recent acts.
/// </summary>
sealed class History
{
    readonly Dictionary<int, InteractionKind> _strongest;

    History(int[] items, float[] weights, Dictionary<int, InteractionKind> strongest) => (Items, Weights, _strongest) = (items, weights, strongest);

    public int[] Items { get; }

    public float[] Weights { get; }

    /// <summary>The strongest act on <paramref name="item"/>, or 0 when the customer did nothing with it.</summary>
    public InteractionKind KindOf(int item) => _strongest.GetValueOrDefault(item);

    /// <summary>
    /// The row of <paramref name="user"/> in <paramref name="all"/> (−1: none) plus <paramref name="recent"/>; recent
    /// products the model does not know are left out, as it cannot score them.
    /// </summary>
    public static History Of(int user, Interactions all, Dictionary<(int User, int Item), InteractionKind> strongest, IReadOnlyList<RecentInteraction> recent,
        Dictionary<string, int> itemOf, InteractionWeights weights)
    {
        var weightOf = new SortedDictionary<int, float>();
        var kinds = new Dictionary<int, InteractionKind>();
        if (user >= 0)
        {
            var items = all.ItemsOf(user);
            var values = all.WeightsOf(user);
            for (var n = 0; n < items.Length; n++)
            {
                weightOf[items[n]] = values[n];
                kinds[items[n]] = strongest[(user, items[n])];
            }
        }
        foreach (var act in recent)
        {
            if (!itemOf.TryGetValue(act.ProductId, out var item)) continue;
            weightOf[item] = weightOf.GetValueOrDefault(item) + weights.Of(act.Kind);
            if (act.Kind > kinds.GetValueOrDefault(item)) kinds[item] = act.Kind;
        }
        return new History([.. weightOf.Keys], [.. weightOf.Values], kinds);
    }
}
