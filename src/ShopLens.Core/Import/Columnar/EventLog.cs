namespace ShopLens.Core.Import.Columnar;

/// <summary>
/// An events file held in memory as dense columns (row i &lt; <see cref="Count"/> of every array is one event;
/// the arrays may be longer), with the dictionaries that
/// map dense indices back to the file's ids. Missing product or category is -1, missing price NaN, missing quantity -1;
/// <see cref="Quantity"/> is empty when the file has no quantity column.
/// </summary>
public sealed class EventLog
{
    public required int Count { get; init; }
    public required int[] Customer { get; init; }
    public required int[] Product { get; init; }
    public required int[] Category { get; init; }
    public required byte[] Type { get; init; }
    public required long[] Micros { get; init; }
    public required double[] Price { get; init; }
    public required int[] Quantity { get; init; }
    public required IReadOnlyList<string> CustomerIds { get; init; }
    public required IReadOnlyList<string> ProductIds { get; init; }
    public required IReadOnlyList<string> CategoryIds { get; init; }

    /// <summary>Records read from the file (blank lines excluded): <c>Count + Rejected</c>.</summary>
    public long Read => Count + Rejected;

    public long Rejected { get; init; }

    public IReadOnlyDictionary<string, long> ByReason { get; init; } = new Dictionary<string, long>();
}
