using ShopLens.Core.Import.Columnar;
using ShopLens.Core.Model;

namespace ShopLens.Insight.Features;

/// <summary>
/// Activity features (the T1 benchmark's: event counts by type, distinct products and categories, purchase revenue,
/// first and last time, recency) computed in memory from an <see cref="EventLog"/> (every event counts, recency from
/// the log's last event); they equal the matching <see cref="CustomerProfile"/> columns: events grouped by customer with a counting sort, distinct products and
/// categories counted with stamp arrays, customers split over threads. One row per customer, by dense index.
/// </summary>
public sealed class ActivityFeatures
{
    ActivityFeatures(int customers)
    {
        Events = new int[customers];
        CountsByType = new int[customers * TypeSlots];
        Items = new int[customers];
        Categories = new int[customers];
        Revenue = new double[customers];
        FirstMicros = new long[customers];
        LastMicros = new long[customers];
    }

    const int TypeSlots = 9;

    public int[] Events { get; }
    /// <summary>Row-major counts: <c>[customer * 9 + (int)type]</c>.</summary>
    public int[] CountsByType { get; }
    public int[] Items { get; }
    public int[] Categories { get; }
    /// <summary>Sum of price × quantity (1 when absent) over purchase events.</summary>
    public double[] Revenue { get; }
    public long[] FirstMicros { get; }
    public long[] LastMicros { get; }
    /// <summary>The log's last event time, which recency is measured from.</summary>
    public long ReferenceMicros { get; private init; }

    public int Count(int customer, EventType type) => CountsByType[customer * TypeSlots + (int)type];

    public double RecencySeconds(int customer) => (ReferenceMicros - LastMicros[customer]) / 1e6;

    public static ActivityFeatures Compute(EventLog log, int threads = 2)
    {
        var customers = log.CustomerIds.Count;
        var reference = long.MinValue;
        foreach (var t in log.Micros.AsSpan(0, log.Count)) reference = Math.Max(reference, t);
        var features = new ActivityFeatures(customers) { ReferenceMicros = reference };
        var order = GroupByCustomer(log, features.Events);
        var starts = new int[customers + 1];
        for (var c = 0; c < customers; c++) starts[c + 1] = starts[c] + features.Events[c];
        var chunk = Math.Max(1, (customers + threads - 1) / threads);
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var itemStamp = new int[log.ProductIds.Count];
            var categoryStamp = new int[log.CategoryIds.Count];
            Array.Fill(itemStamp, -1);
            Array.Fill(categoryStamp, -1);
            for (var c = t * chunk; c < Math.Min(customers, (t + 1) * chunk); c++)
                features.Fill(log, c, order.AsSpan(starts[c], starts[c + 1] - starts[c]), itemStamp, categoryStamp);
        });
        return features;
    }

    // A counting sort: row numbers grouped by customer, in file order within each customer.
    static int[] GroupByCustomer(EventLog log, int[] perCustomer)
    {
        foreach (var c in log.Customer.AsSpan(0, log.Count)) perCustomer[c]++;
        var next = new int[perCustomer.Length];
        for (var c = 1; c < next.Length; c++) next[c] = next[c - 1] + perCustomer[c - 1];
        var order = new int[log.Count];
        for (var i = 0; i < log.Count; i++) order[next[log.Customer[i]]++] = i;
        return order;
    }

    void Fill(EventLog log, int c, ReadOnlySpan<int> rows, int[] itemStamp, int[] categoryStamp)
    {
        int items = 0, categories = 0;
        double revenue = 0;
        long first = long.MaxValue, last = long.MinValue;
        var counts = CountsByType.AsSpan(c * TypeSlots, TypeSlots);
        foreach (var i in rows)
        {
            var type = log.Type[i];
            counts[type]++;
            var p = log.Product[i];
            if (p >= 0 && itemStamp[p] != c) { itemStamp[p] = c; items++; }
            var g = log.Category[i];
            if (g >= 0 && categoryStamp[g] != c) { categoryStamp[g] = c; categories++; }
            if (type == (byte)EventType.Purchase && !double.IsNaN(log.Price[i]))
                revenue += log.Price[i] * (log.Quantity.Length == 0 || log.Quantity[i] < 0 ? 1 : log.Quantity[i]);
            first = Math.Min(first, log.Micros[i]);
            last = Math.Max(last, log.Micros[i]);
        }
        Items[c] = items;
        Categories[c] = categories;
        Revenue[c] = revenue;
        FirstMicros[c] = first;
        LastMicros[c] = last;
    }
}
