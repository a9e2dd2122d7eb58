using ShopLens.Core.Store;

namespace ShopLens.Insight.Tests.Segments;

/// <summary>
/// RFM computed the plain way, in C# from the store's raw rows, to check the SQL against: orders and their lines
/// read out as they are, revenue summed per order, cancelled and returned orders dropped, rank-based quintiles
/// (1 + ⌊5 × strictly worse / n⌋) and the grid of docs/segments.md written out cell by cell.
/// </summary>
static class RfmReference
{
    public sealed record Row(string CustomerId, double RecencyDays, long Frequency, decimal Monetary, int R, int F, int M, string Segment);

    // Rows FM 5 down to 1, columns R 1 to 5, as the table in docs/segments.md.
    static readonly string[][] Grid =
    [
        ["Can't Lose Them", "Can't Lose Them", "Loyal", "Loyal", "Champions"],
        ["At Risk", "At Risk", "Loyal", "Loyal", "Champions"],
        ["At Risk", "At Risk", "Need Attention", "Potential Loyalist", "Potential Loyalist"],
        ["Lost", "Hibernating", "About to Sleep", "Potential Loyalist", "Potential Loyalist"],
        ["Lost", "Hibernating", "About to Sleep", "Promising", "New"],
    ];

    public static string SegmentOf(int r, int f, int m) => Grid[5 - (f + m) / 2][r - 1];

    /// <summary>Every customer with a kept order before <paramref name="asOf"/>, by customer key.</summary>
    public static Dictionary<int, Row> Compute(ShopStore store, DateTime? asOf)
    {
        var ids = new Dictionary<int, string>();
        using (var r = store.Query("SELECT customer_key, customer_id FROM customers"))
            while (r.Read()) ids[r.GetInt32(0)] = r.GetString(1);
        var lineRevenue = new Dictionary<string, double>(StringComparer.Ordinal);
        using (var r = store.Query("SELECT order_id, quantity, unit_price, discount FROM order_lines"))
        {
            while (r.Read())
            {
                if (r.IsDBNull(1) || r.IsDBNull(2)) continue;
                var discount = r.IsDBNull(3) ? 0 : r.GetDouble(3);
                lineRevenue[r.GetString(0)] = lineRevenue.GetValueOrDefault(r.GetString(0)) + r.GetInt32(1) * r.GetDouble(2) * (1 - discount);
            }
        }
        var last = DateTime.MinValue;
        var buyers = new Dictionary<int, (DateTime Last, long Orders, double Revenue)>();
        using (var r = store.Query("SELECT order_id, customer_key, ts, status, amount FROM orders"))
        {
            while (r.Read())
            {
                var ts = r.GetDateTime(2);
                if (ts > last) last = ts;
                var status = r.IsDBNull(3) ? "completed" : r.GetString(3);
                if ((asOf is not null && ts >= asOf) || status is "cancelled" or "returned") continue;
                var revenue = lineRevenue.TryGetValue(r.GetString(0), out var fromLines) ? fromLines : r.IsDBNull(4) ? 0 : r.GetDouble(4);
                var key = r.GetInt32(1);
                var b = buyers.GetValueOrDefault(key);
                buyers[key] = (ts > b.Last ? ts : b.Last, b.Orders + 1, b.Revenue + revenue);
            }
        }
        using (var r = store.Query("SELECT max(ts) FROM events"))
            if (r.Read() && !r.IsDBNull(0) && r.GetDateTime(0) > last) last = r.GetDateTime(0);
        var reference = asOf ?? last;

        var keys = buyers.Keys.ToArray();
        var monetary = keys.Select(k => Math.Round((decimal)buyers[k].Revenue, 2, MidpointRounding.AwayFromZero)).ToArray();
        var r5 = Quintiles(keys.Select(k => buyers[k].Last.Ticks).ToArray());
        var f5 = Quintiles(keys.Select(k => buyers[k].Orders).ToArray());
        var m5 = Quintiles(monetary);
        var rows = new Dictionary<int, Row>();
        for (var i = 0; i < keys.Length; i++)
        {
            var b = buyers[keys[i]];
            rows[keys[i]] = new Row(ids[keys[i]], (reference - b.Last).TotalDays, b.Orders, monetary[i], r5[i], f5[i], m5[i], SegmentOf(r5[i], f5[i], m5[i]));
        }
        return rows;
    }

    /// <summary>1 + ⌊5 × (values strictly below) / n⌋ for each value: equal values, equal scores.</summary>
    public static int[] Quintiles<T>(T[] values) where T : IComparable<T>
    {
        var sorted = (T[])values.Clone();
        Array.Sort(sorted);
        return [.. values.Select(v => 1 + (int)(5L * LowerBound(sorted, v) / values.Length))];
    }

    static int LowerBound<T>(T[] sorted, T value) where T : IComparable<T>
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid].CompareTo(value) < 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
