using System.Globalization;

namespace ShopLens.Core.Store.Arrays;

/// <summary>
/// A dense float32 matrix, one row per entity (customer) and one column per feature, row-major, with the entity
/// keys and the column names beside it. Missing values are NaN.
/// </summary>
public sealed class FeatureMatrix
{
    public required float[] Values { get; init; }
    public required int[] Keys { get; init; }
    public required IReadOnlyList<string> Columns { get; init; }

    public int Rows => Keys.Length;
    public int Width => Columns.Count;

    public float this[int row, int column] => Values[row * Columns.Count + column];

    public ReadOnlySpan<float> Row(int row) => Values.AsSpan(row * Width, Width);

    /// <summary>
    /// Reads a query whose first column is an integer key and whose other columns are numeric (NULL → NaN).
    /// </summary>
    public static FeatureMatrix Load(IShopStore store, string sql)
    {
        using var r = store.Query(sql);
        var width = r.FieldCount - 1;
        if (width < 1) throw new ArgumentException("the query needs a key column and at least one feature column", nameof(sql));
        var columns = Enumerable.Range(1, width).Select(r.GetName).ToArray();
        var keys = new List<int>();
        var values = new List<float>();
        while (r.Read())
        {
            keys.Add(Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture));
            for (var c = 1; c <= width; c++)
                values.Add(r.IsDBNull(c) ? float.NaN : Convert.ToSingle(r.GetValue(c), CultureInfo.InvariantCulture));
        }
        return new FeatureMatrix { Values = [.. values], Keys = [.. keys], Columns = columns };
    }
}
