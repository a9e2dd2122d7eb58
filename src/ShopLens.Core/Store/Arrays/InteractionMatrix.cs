using ShopLens.Core.Model;

namespace ShopLens.Core.Store.Arrays;

/// <summary>
/// Customer × product interactions in compressed sparse row form: the products of customer <c>c</c> are
/// <c>Columns[RowStart[c]..RowStart[c + 1]]</c> (ascending) with their summed <c>Weights</c>. Rows and columns are the
/// store's dense customer and product keys, so <see cref="Rows"/> and <see cref="ColumnCount"/> are the dictionary sizes.
/// </summary>
public sealed class InteractionMatrix
{
    public required int[] RowStart { get; init; }
    public required int[] Columns { get; init; }
    public required float[] Weights { get; init; }
    public required int ColumnCount { get; init; }

    public int Rows => RowStart.Length - 1;
    public int NonZeros => Columns.Length;

    public ReadOnlySpan<int> ColumnsOf(int row) => Columns.AsSpan(RowStart[row], RowStart[row + 1] - RowStart[row]);

    public ReadOnlySpan<float> WeightsOf(int row) => Weights.AsSpan(RowStart[row], RowStart[row + 1] - RowStart[row]);

    /// <summary>The default weight of each event type: stronger signals of interest weigh more; removals and refunds none.</summary>
    public static IReadOnlyDictionary<EventType, float> DefaultWeights { get; } = new Dictionary<EventType, float>
    {
        [EventType.View] = 1, [EventType.Click] = 1, [EventType.Favorite] = 2, [EventType.Cart] = 3, [EventType.Purchase] = 5,
    };

    /// <summary>Sums the weights of each customer's events on each product, using only events strictly before <paramref name="asOf"/>.</summary>
    public static InteractionMatrix Load(IShopStore store, IReadOnlyDictionary<EventType, float>? weights = null, DateTime? asOf = null)
    {
        weights ??= DefaultWeights;
        var cases = string.Join(" ", weights.Select(kv => $"WHEN {(int)kv.Key} THEN {kv.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        var cut = asOf is null ? "" : $"AND ts < {SqlLiteral.Timestamp(asOf.Value)}";
        var customers = store.Scalar<int>("SELECT count(*) FROM customers");
        var products = store.Scalar<int>("SELECT count(*) FROM products");
        using var r = store.Query($"""
            SELECT customer_key, product_key, CAST(sum(CASE type {cases} ELSE 0 END) AS REAL) AS w
            FROM events WHERE product_key IS NOT NULL {cut}
            GROUP BY customer_key, product_key HAVING w > 0
            ORDER BY customer_key, product_key
            """);
        var rowStart = new int[customers + 1];
        var columns = new List<int>();
        var values = new List<float>();
        while (r.Read())
        {
            rowStart[r.GetInt32(0) + 1]++;
            columns.Add(r.GetInt32(1));
            values.Add(r.GetFloat(2));
        }
        for (var c = 0; c < customers; c++) rowStart[c + 1] += rowStart[c];
        return new InteractionMatrix { RowStart = rowStart, Columns = [.. columns], Weights = [.. values], ColumnCount = products };
    }
}
