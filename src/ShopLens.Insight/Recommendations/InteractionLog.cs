using System.Globalization;
using ShopLens.Core.Model;
using ShopLens.Core.Store;
using ShopLens.Insight.Features;
using ShopLens.Learning.Recommenders;

namespace ShopLens.Insight.Recommendations;

/// <summary>
/// Everything customers did with products, one row per act (a view, a cart, a kept order's line, a review), in
/// time order, with dense user and item indices for the learners and the store keys they stand for.
/// </summary>
public sealed class InteractionLog
{
    public required int[] CustomerKeys { get; init; }
    public required int[] ProductKeys { get; init; }
    public required int[] User { get; init; }
    public required int[] Item { get; init; }
    public required DateTime[] Time { get; init; }
    public required float[] Weight { get; init; }
    public required InteractionKind[] Kind { get; init; }

    public int Rows => User.Length;

    /// <summary>Every act in the store with a customer, a product and a weight above 0.</summary>
    public static InteractionLog Load(IShopStore store, InteractionWeights weights)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(weights);
        weights.Validate();
        var byType = new (EventType Type, float Weight)[]
        {
            (EventType.View, weights.View), (EventType.Click, weights.Click), (EventType.Favorite, weights.Favorite), (EventType.Cart, weights.Cart),
        }.Where(t => t.Weight > 0).ToArray();
        var parts = new List<string>();
        if (byType.Length > 0)
        {
            var cases = string.Join(" ", byType.Select(t => FormattableString.Invariant($"WHEN {(int)t.Type} THEN {t.Weight}")));
            var kinds = string.Join(" ", byType.Select(t => $"WHEN {(int)t.Type} THEN {(int)KindOf(t.Type)}"));
            parts.Add($"""
                SELECT customer_key, product_key, ts, CASE type {cases} END AS weight, CASE type {kinds} END AS kind FROM events
                WHERE product_key IS NOT NULL AND customer_key IS NOT NULL AND type IN ({string.Join(", ", byType.Select(t => (int)t.Type))})
                """);
        }
        if (weights.Purchase > 0)
        {
            parts.Add(FormattableString.Invariant($"""
                SELECT k.customer_key, l.product_key, k.ts, {weights.Purchase} AS weight, {(int)InteractionKind.Purchase} AS kind
                FROM ({Purchases.KeptSql(null)}) k JOIN order_lines l ON l.order_id = k.order_id
                """));
            parts.Add(FormattableString.Invariant($"""
                SELECT customer_key, product_key, ts, {weights.Purchase} AS weight, {(int)InteractionKind.Purchase} AS kind FROM events
                WHERE type = {(int)EventType.Purchase} AND product_key IS NOT NULL AND customer_key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM orders)
                """));
        }
        if (weights.Review > 0)
            parts.Add(FormattableString.Invariant($"SELECT customer_key, product_key, ts, {weights.Review} AS weight, {(int)InteractionKind.Review} AS kind FROM reviews"));
        var sql = $"SELECT customer_key, product_key, ts, weight, kind FROM ({string.Join(" UNION ALL ", parts)}) ORDER BY ts, customer_key, product_key, kind";
        var users = new Dictionary<int, int>();
        var items = new Dictionary<int, int>();
        List<int> user = [], item = [];
        List<DateTime> time = [];
        List<float> weight = [];
        List<InteractionKind> kind = [];
        using (var reader = store.Query(sql))
            while (reader.Read())
            {
                var c = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
                var p = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
                if (!users.TryGetValue(c, out var u)) users[c] = u = users.Count;
                if (!items.TryGetValue(p, out var i)) items[p] = i = items.Count;
                user.Add(u);
                item.Add(i);
                time.Add(reader.GetDateTime(2));
                weight.Add(Convert.ToSingle(reader.GetValue(3), CultureInfo.InvariantCulture));
                kind.Add((InteractionKind)Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture));
            }
        return new InteractionLog
        {
            CustomerKeys = [.. users.OrderBy(e => e.Value).Select(e => e.Key)],
            ProductKeys = [.. items.OrderBy(e => e.Value).Select(e => e.Key)],
            User = [.. user], Item = [.. item], Time = [.. time], Weight = [.. weight], Kind = [.. kind],
        };
    }

    /// <summary>
    /// The same acts with users and items numbered as a saved model numbers them: its customers first, in its order,
    /// then customers it never saw; acts on products it never saw are left out (it cannot score them).
    /// </summary>
    public InteractionLog Reindex(IReadOnlyList<int> customerKeys, IReadOnlyList<int> productKeys)
    {
        ArgumentNullException.ThrowIfNull(customerKeys);
        ArgumentNullException.ThrowIfNull(productKeys);
        var users = new Dictionary<int, int>();
        foreach (var key in customerKeys) users[key] = users.Count;
        foreach (var key in CustomerKeys) users.TryAdd(key, users.Count);
        var items = new Dictionary<int, int>();
        foreach (var key in productKeys) items[key] = items.Count;
        var rows = Enumerable.Range(0, Rows).Where(r => items.ContainsKey(ProductKeys[Item[r]])).ToArray();
        return new InteractionLog
        {
            CustomerKeys = [.. users.OrderBy(e => e.Value).Select(e => e.Key)],
            ProductKeys = [.. productKeys],
            User = [.. rows.Select(r => users[CustomerKeys[User[r]]])],
            Item = [.. rows.Select(r => items[ProductKeys[Item[r]]])],
            Time = [.. rows.Select(r => Time[r])],
            Weight = [.. rows.Select(r => Weight[r])],
            Kind = [.. rows.Select(r => Kind[r])],
        };
    }

    static InteractionKind KindOf(EventType type) => type switch
    {
        EventType.View => InteractionKind.View,
        EventType.Click => InteractionKind.Click,
        EventType.Favorite => InteractionKind.Favorite,
        _ => InteractionKind.Cart,
    };

    /// <summary>
    /// The rows marked in <paramref name="rows"/> whose (customer, product) <paramref name="matrix"/> has, in time order:
    /// the acts behind a matrix fitted on a part of them (the hybrid's inner splits keep some products of each customer).
    /// </summary>
    public int[] RowsBehind(bool[] rows, Interactions matrix)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(matrix);
        return [.. Enumerable.Range(0, Rows).Where(r => rows[r] && matrix.ItemsOf(User[r]).BinarySearch(Item[r]) >= 0)];
    }

    /// <summary>The rows picked by <paramref name="keep"/> as a user × item matrix over all users and items (repeats add up).</summary>
    public Interactions Matrix(Func<int, bool> keep)
    {
        var rows = Enumerable.Range(0, Rows).Where(keep).ToArray();
        return Interactions.FromTriples(CustomerKeys.Length, ProductKeys.Length, [.. rows.Select(r => User[r])], [.. rows.Select(r => Item[r])],
            [.. rows.Select(r => Weight[r])]);
    }
}
