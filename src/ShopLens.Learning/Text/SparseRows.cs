namespace ShopLens.Learning.Text;

/// <summary>
/// Documents as rows of a sparse matrix (compressed rows): row r's columns, ascending and distinct, are
/// <c>Columns[Start[r] .. Start[r + 1])</c> with their values beside them.
/// </summary>
public sealed class SparseRows(int width, int[] start, int[] columns, float[] values)
{
    public int Width { get; } = width;

    public int[] Start { get; } = start;

    public int[] Columns { get; } = columns;

    public float[] Values { get; } = values;

    public int Rows => Start.Length - 1;

    public ReadOnlySpan<int> ColumnsOf(int row) => Columns.AsSpan(Start[row], Start[row + 1] - Start[row]);

    public ReadOnlySpan<float> ValuesOf(int row) => Values.AsSpan(Start[row], Start[row + 1] - Start[row]);
}
