using System.Globalization;
using System.Text;
using ShopLens.Core.Import.Columnar;
using ShopLens.Core.Model;
using ShopLens.Insight.Features;

namespace ShopLens.Bench.Tasks;

/// <summary>
/// T2's rows as the peer builds them (peers/t2_propensity.py + features.py): cut-off = last event − 14 days; one row
/// per customer with an event before it, by user id; 15 features from the events before it (the T1 nine with recency
/// to the cut-off, then view/cart/purchase counts in the last 7 and 30 days); label = a purchase at or after it;
/// an 80/20 split by a seeded Fisher–Yates permutation (ours: numpy's generator cannot be reproduced here).
/// </summary>
sealed class T2Data
{
    public const int Columns = 15;
    const long Day = 86_400_000_000L;

    public static readonly string[] Names =
    [
        "n_view", "n_cart", "n_purchase", "n_items", "n_categories", "revenue", "first_ts", "last_ts", "recency_s",
        "n_view_7d", "n_cart_7d", "n_purchase_7d", "n_view_30d", "n_cart_30d", "n_purchase_30d",
    ];

    static readonly EventType[] Types = [EventType.View, EventType.Cart, EventType.Purchase];

    T2Data(string[] userIds, double[] values, float[] labels, int[] train, int[] test)
    {
        (UserIds, Values, Labels, Train, Test) = (userIds, values, labels, train, test);
        TrainRows = Gather(train);
        TestRows = Gather(test);
        TrainLabels = [.. train.Select(i => labels[i])];
        TestLabels = [.. test.Select(i => labels[i])];
    }

    public string[] UserIds { get; }
    /// <summary>Row-major, <see cref="Columns"/> wide, exact (counts, seconds, revenue in double).</summary>
    public double[] Values { get; }
    public float[] Labels { get; }
    /// <summary>Row numbers in permutation order, as the peer's <c>perm[:n_train]</c> and <c>perm[n_train:]</c>.</summary>
    public int[] Train { get; }
    public int[] Test { get; }
    /// <summary>The learners' input: the rows of <see cref="Train"/> and <see cref="Test"/> as float32, row-major.</summary>
    public float[] TrainRows { get; }
    public float[] TestRows { get; }
    public float[] TrainLabels { get; }
    public float[] TestLabels { get; }
    public int Users => UserIds.Length;

    public static T2Data Build(EventLog log, int seed)
    {
        var last = long.MinValue;
        foreach (var t in log.Micros.AsSpan(0, log.Count)) last = Math.Max(last, t);
        var cutoff = last - 14 * Day;
        var pre = Before(log, cutoff);
        var activity = ActivityFeatures.Compute(pre);
        var customers = log.CustomerIds.Count;
        var windows = WindowCounts(pre, cutoff, customers);
        var buyers = new bool[customers];
        for (var i = 0; i < log.Count; i++)
            if (log.Micros[i] >= cutoff && log.Type[i] == (byte)EventType.Purchase) buyers[log.Customer[i]] = true;

        var users = ByUserId(log, Enumerable.Range(0, customers).Where(c => activity.Events[c] > 0).ToArray());
        var values = new double[users.Length * Columns];
        var labels = new float[users.Length];
        for (var r = 0; r < users.Length; r++)
        {
            var c = users[r];
            Fill(values.AsSpan(r * Columns, Columns), activity, windows.AsSpan(c * 6, 6), c, cutoff);
            labels[r] = buyers[c] ? 1f : 0f;
        }
        var (train, test) = Split(users.Length, seed);
        return new T2Data([.. users.Select(c => log.CustomerIds[c])], values, labels, train, test);
    }

    static void Fill(Span<double> row, ActivityFeatures a, ReadOnlySpan<int> windows, int c, long cutoff)
    {
        for (var k = 0; k < Types.Length; k++) row[k] = a.Count(c, Types[k]);
        row[3] = a.Items[c];
        row[4] = a.Categories[c];
        row[5] = a.Revenue[c];
        row[6] = a.FirstMicros[c] / 1_000_000;
        row[7] = a.LastMicros[c] / 1_000_000;
        // Recency to the cut-off, not to the last pre-cut-off event (ActivityFeatures' reference).
        row[8] = (cutoff - a.LastMicros[c]) / 1_000_000;
        for (var k = 0; k < 6; k++) row[9 + k] = windows[k];
    }

    // The events before the cut-off as a log of their own, so ActivityFeatures computes the T1 nine on them alone.
    static EventLog Before(EventLog log, long cutoff)
    {
        var keep = 0;
        for (var i = 0; i < log.Count; i++) if (log.Micros[i] < cutoff) keep++;
        var hasQuantity = log.Quantity.Length > 0;
        var (customer, product, category) = (new int[keep], new int[keep], new int[keep]);
        var (type, micros, price, quantity) = (new byte[keep], new long[keep], new double[keep], new int[hasQuantity ? keep : 0]);
        for (int i = 0, j = 0; i < log.Count; i++)
        {
            if (log.Micros[i] >= cutoff) continue;
            (customer[j], product[j], category[j]) = (log.Customer[i], log.Product[i], log.Category[i]);
            (type[j], micros[j], price[j]) = (log.Type[i], log.Micros[i], log.Price[i]);
            if (hasQuantity) quantity[j] = log.Quantity[i];
            j++;
        }
        return new EventLog
        {
            Count = keep, Customer = customer, Product = product, Category = category, Type = type, Micros = micros,
            Price = price, Quantity = quantity, CustomerIds = log.CustomerIds, ProductIds = log.ProductIds, CategoryIds = log.CategoryIds,
        };
    }

    // Per customer: view, cart, purchase counts in [cut-off − 7 d, cut-off), then the same in [cut-off − 30 d, cut-off).
    static int[] WindowCounts(EventLog pre, long cutoff, int customers)
    {
        var counts = new int[customers * 6];
        for (var i = 0; i < pre.Count; i++)
        {
            var k = (EventType)pre.Type[i] switch { EventType.View => 0, EventType.Cart => 1, EventType.Purchase => 2, _ => -1 };
            if (k < 0) continue;
            var c = pre.Customer[i] * 6;
            if (pre.Micros[i] >= cutoff - 7 * Day) counts[c + k]++;
            if (pre.Micros[i] >= cutoff - 30 * Day) counts[c + 3 + k]++;
        }
        return counts;
    }

    // The peer's row order: pandas' groupby sorts numeric user ids as numbers.
    static int[] ByUserId(EventLog log, int[] users)
    {
        var ids = users.Select(c => log.CustomerIds[c]).ToArray();
        if (ids.All(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            Array.Sort(ids.Select(id => long.Parse(id, CultureInfo.InvariantCulture)).ToArray(), users);
        else Array.Sort(ids, users, StringComparer.Ordinal);
        return users;
    }

    // As the peer: permute all rows, the first int(0.8 n) train, the rest test.
    static (int[] Train, int[] Test) Split(int n, int seed)
    {
        var perm = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(perm);
        var cut = (int)(0.8 * n);
        return (perm[..cut], perm[cut..]);
    }

    float[] Gather(int[] rows)
    {
        var result = new float[rows.Length * Columns];
        for (var r = 0; r < rows.Length; r++)
            for (var j = 0; j < Columns; j++) result[r * Columns + j] = (float)Values[rows[r] * Columns + j];
        return result;
    }

    /// <summary>
    /// Writes user_id, the 15 features (exact), label, is_test and order (the row's place in the permutation, so a
    /// reader can train on the rows in our order), one row per user in user-id order, for
    /// bench/t2_same_data.py (the peers on exactly this split) and bench/t2_check_features.py (against the peer's features).
    /// </summary>
    public void WriteCsv(string path)
    {
        var order = new int[Users];
        for (var k = 0; k < Train.Length; k++) order[Train[k]] = k;
        for (var k = 0; k < Test.Length; k++) order[Test[k]] = Train.Length + k;
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        w.Write("user_id," + string.Join(',', Names) + ",label,is_test,order\n");
        var line = new StringBuilder();
        for (var r = 0; r < Users; r++)
        {
            line.Clear().Append(UserIds[r]);
            for (var j = 0; j < Columns; j++) line.Append(',').Append(Values[r * Columns + j].ToString("R", CultureInfo.InvariantCulture));
            line.Append(',').Append(Labels[r] == 1f ? '1' : '0').Append(',').Append(order[r] >= Train.Length ? '1' : '0')
                .Append(',').Append(order[r]).Append('\n');
            w.Write(line);
        }
    }
}
