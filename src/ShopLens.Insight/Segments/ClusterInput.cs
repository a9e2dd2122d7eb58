using System.Globalization;
using System.Numerics;
using ShopLens.Core.Store;
using ShopLens.Insight.Features;

namespace ShopLens.Insight.Segments;

/// <summary>The profile columns clustering reads: one row per profiled customer, by <c>customer_key</c>; NULL is NaN.</summary>
sealed class ClusterInput
{
    public required int[] Keys { get; init; }
    public required string[] Ids { get; init; }
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>Raw values, row-major: (customers, columns).</summary>
    public required double[] Values { get; init; }

    public int Rows => Keys.Length;

    public double this[int row, int column] => Values[row * Columns.Count + column];

    public int ColumnIndex(string name) => Columns.Select((c, i) => (c, i)).First(p => p.c == name).i;

    public static ClusterInput Read(IShopStore store, DateTime? asOf, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var r = store.Query($"""
            SELECT customer_key, customer_id, {string.Join(", ", columns)}
            FROM ({CustomerProfile.Sql(asOf)}) AS profile
            ORDER BY customer_key
            """);
        var keys = new List<int>();
        var ids = new List<string>();
        var values = new List<double>();
        while (r.Read())
        {
            keys.Add(r.GetInt32(0));
            ids.Add(r.GetString(1));
            for (var c = 0; c < columns.Count; c++) values.Add(r.IsDBNull(c + 2) ? double.NaN : Number(r.GetValue(c + 2)));
        }
        return new ClusterInput { Keys = [.. keys], Ids = [.. ids], Columns = columns, Values = [.. values] };
    }

    // Sums of counts may come back as HUGEINT, which is a BigInteger and not IConvertible.
    static double Number(object value) => value is BigInteger big ? (double)big : Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
