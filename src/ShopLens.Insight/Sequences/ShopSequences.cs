using System.Globalization;
using ShopLens.Core.Model;
using ShopLens.Core.Store;
using ShopLens.Insight.Predictions;
using ShopLens.Learning.Sequence;

namespace ShopLens.Insight.Sequences;

/// <summary>
/// The store's events as one sequence per customer for a sequential recommender, with the maps from its dense indices
/// back to the shop: sequence s is customer <see cref="CustomerIds"/>[s], item i product <see cref="ProductIds"/>[i],
/// kind k event type <see cref="KindTypes"/>[k]. Customers and products are numbered in order of their first event,
/// as <see cref="Recommendations.InteractionLog"/> numbers them.
/// </summary>
public sealed class ShopSequences
{
    ShopSequences(EventSequences sequences, int[] customerKeys, string[] customerIds, int[] productKeys, string[] productIds,
        EventType[] kindTypes, long skippedWithoutProduct)
    {
        Sequences = sequences;
        (CustomerKeys, CustomerIds, ProductKeys, ProductIds) = (customerKeys, customerIds, productKeys, productIds);
        KindTypes = kindTypes;
        var purchase = Array.IndexOf(kindTypes, EventType.Purchase);
        PurchaseKind = purchase < 0 ? null : purchase;
        SkippedWithoutProduct = skippedWithoutProduct;
    }

    /// <summary>One sequence per customer with an event on a product, in event-time order; times in Unix seconds.</summary>
    public EventSequences Sequences { get; }

    /// <summary>The store's customer key of each sequence (what saved models and segments hold).</summary>
    public IReadOnlyList<int> CustomerKeys { get; }

    public IReadOnlyList<string> CustomerIds { get; }

    /// <summary>The store's product key of each item index.</summary>
    public IReadOnlyList<int> ProductKeys { get; }

    public IReadOnlyList<string> ProductIds { get; }

    /// <summary>The event type of each kind index: the types present, in the order of their codes (view before purchase).</summary>
    public IReadOnlyList<EventType> KindTypes { get; }

    /// <summary>The kind index of purchases, the events a shop most wants predicted; null when there are none.</summary>
    public int? PurchaseKind { get; }

    /// <summary>
    /// Events in the period that name no product (searches, for instance), left out: a sequential recommender reads
    /// and predicts items, and an event without one has no place in its vocabulary.
    /// </summary>
    public long SkippedWithoutProduct { get; }

    /// <summary>Reads the store's events as <paramref name="options"/> says (default: all of them).</summary>
    /// <exception cref="InsufficientDataException">no event on a product in the period</exception>
    public static ShopSequences Load(IShopStore store, ShopSequenceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        options ??= new ShopSequenceOptions();
        options.Validate();
        var before = options.Before is { } cut ? $"ts < {SqlLiteral.Timestamp(cut)}" : "true";
        var skipped = store.Scalar<long>($"SELECT count(*) FROM events WHERE product_key IS NULL AND {before}");

        // Ties in time are broken by customer, product and type; events equal in all four give equal entries, so the
        // result never depends on the store's row order. The window keeps the latest MaxLength in that same order.
        var kept = $"SELECT customer_key, product_key, type, ts FROM events WHERE product_key IS NOT NULL AND {before}";
        if (options.MaxLength is { } most)
            kept = $"""
                SELECT customer_key, product_key, type, ts FROM (
                  SELECT customer_key, product_key, type, ts,
                         row_number() OVER (PARTITION BY customer_key ORDER BY ts DESC, product_key DESC, type DESC) AS back
                  FROM events WHERE product_key IS NOT NULL AND {before}) e
                WHERE back <= {most}
                """;
        var users = new Dictionary<int, int>();
        var items = new Dictionary<int, int>();
        List<int> user = [], item = [];
        List<EventType> type = [];
        List<long> time = [];
        using (var reader = store.Query($"{kept} ORDER BY ts, customer_key, product_key, type"))
            while (reader.Read())
            {
                var c = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
                var p = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
                if (!users.TryGetValue(c, out var u)) users[c] = u = users.Count;
                if (!items.TryGetValue(p, out var i)) items[p] = i = items.Count;
                user.Add(u);
                item.Add(i);
                type.Add((EventType)Convert.ToByte(reader.GetValue(2), CultureInfo.InvariantCulture));
                time.Add(UnixSeconds(reader.GetDateTime(3)));
            }
        if (user.Count == 0)
            throw new InsufficientDataException(options.Before is { } b
                ? $"no event on a product before {b:yyyy-MM-dd HH:mm:ss}: no sequences to build"
                : "the store has no event on a product: no sequences to build");

        var kindTypes = type.Distinct().Order().ToArray();
        var kindOf = new int[256];
        for (var k = 0; k < kindTypes.Length; k++) kindOf[(int)kindTypes[k]] = k;
        var sequences = Group(users.Count, items.Count, kindTypes.Length, user, item, [.. type.Select(t => kindOf[(int)t])], time);
        var customerKeys = KeysInIndexOrder(users);
        var productKeys = KeysInIndexOrder(items);
        return new ShopSequences(sequences, customerKeys, IdsOf(store, "customers", "customer_key", "customer_id", customerKeys),
            productKeys, IdsOf(store, "products", "product_key", "product_id", productKeys), kindTypes, skipped);
    }

    /// <summary>Events in time order → sequences back to back; a counting sort by user keeps each user's events in time order.</summary>
    static EventSequences Group(int users, int items, int kinds, List<int> user, List<int> item, int[] kind, List<long> time)
    {
        var start = new int[users + 1];
        foreach (var u in user) start[u + 1]++;
        for (var u = 0; u < users; u++) start[u + 1] += start[u];
        var next = start[..^1];
        var (itemOut, kindOut, timeOut) = (new int[user.Count], new int[user.Count], new long[user.Count]);
        for (var e = 0; e < user.Count; e++)
        {
            var at = next[user[e]]++;
            (itemOut[at], kindOut[at], timeOut[at]) = (item[e], kind[e], time[e]);
        }
        return EventSequences.Create(items, kinds, start, itemOut, kindOut, timeOut);
    }

    /// <summary>
    /// A store time (UTC) on the sequences' clock: whole seconds, rounded down (ticks count from year 1, so the division
    /// floors), so events of one second tie rather than swap, which a double's rounding could make them do.
    /// </summary>
    internal static long UnixSeconds(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeSeconds();

    static int[] KeysInIndexOrder(Dictionary<int, int> indexOf)
    {
        var keys = new int[indexOf.Count];
        foreach (var (key, index) in indexOf) keys[index] = key;
        return keys;
    }

    static string[] IdsOf(IShopStore store, string table, string keyColumn, string idColumn, int[] keys)
    {
        var indexOf = new Dictionary<int, int>(keys.Length);
        for (var i = 0; i < keys.Length; i++) indexOf[keys[i]] = i;
        var ids = new string[keys.Length];
        using var reader = store.Query($"SELECT {keyColumn}, {idColumn} FROM {table}");
        while (reader.Read())
            if (indexOf.TryGetValue(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), out var i))
                ids[i] = reader.GetString(1);
        return ids;
    }
}
