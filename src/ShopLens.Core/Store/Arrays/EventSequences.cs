using ShopLens.Core.Model;

namespace ShopLens.Core.Store.Arrays;

/// <summary>
/// Each customer's events in time order, as flat arrays: the events of customer <c>c</c> are
/// <c>Start[c]..Start[c + 1]</c>, each with its product key (-1 when none), type, and seconds since the
/// customer's previous event (0 for the first).
/// </summary>
public sealed class EventSequences
{
    public required int[] Start { get; init; }
    public required int[] Product { get; init; }
    public required EventType[] Type { get; init; }
    public required float[] GapSeconds { get; init; }

    public int Customers => Start.Length - 1;
    public int Length(int customer) => Start[customer + 1] - Start[customer];

    /// <summary>Events strictly before <paramref name="asOf"/>, ordered by time (ties by product, then type, for determinism).</summary>
    public static EventSequences Load(IShopStore store, DateTime? asOf = null)
    {
        var cut = asOf is null ? "" : $"WHERE ts < {SqlLiteral.Timestamp(asOf.Value)}";
        var customers = store.Scalar<int>("SELECT count(*) FROM customers");
        using var r = store.Query($"""
            SELECT customer_key, coalesce(product_key, -1), type,
                   coalesce(extract(epoch FROM ts - lag(ts) OVER (PARTITION BY customer_key ORDER BY ts, product_key, type)), 0)
            FROM events {cut}
            ORDER BY customer_key, ts, product_key, type
            """);
        var start = new int[customers + 1];
        var product = new List<int>();
        var type = new List<EventType>();
        var gap = new List<float>();
        while (r.Read())
        {
            start[r.GetInt32(0) + 1]++;
            product.Add(r.GetInt32(1));
            type.Add((EventType)r.GetByte(2));
            gap.Add(Convert.ToSingle(r.GetValue(3), System.Globalization.CultureInfo.InvariantCulture));
        }
        for (var c = 0; c < customers; c++) start[c + 1] += start[c];
        return new EventSequences { Start = start, Product = [.. product], Type = [.. type], GapSeconds = [.. gap] };
    }
}
