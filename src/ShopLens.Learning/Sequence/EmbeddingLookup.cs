using System.Numerics;

namespace ShopLens.Learning.Sequence;

/// <summary>Rows of an embedding table picked by index and added into a d-wide output row per position.</summary>
static class EmbeddingLookup
{
    /// <summary>output row i += scale · table row ids[i].</summary>
    public static void Forward<T>(ReadOnlySpan<T> table, ReadOnlySpan<int> ids, Span<T> output, int d, T scale) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < ids.Length; i++)
        {
            var from = table.Slice(ids[i] * d, d);
            var to = output.Slice(i * d, d);
            for (var k = 0; k < d; k++) to[k] += scale * from[k];
        }
    }

    /// <summary>dTable row ids[i] += scale · dOutput row i.</summary>
    public static void Backward<T>(ReadOnlySpan<T> dOutput, ReadOnlySpan<int> ids, Span<T> dTable, int d, T scale) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < ids.Length; i++)
        {
            var from = dOutput.Slice(i * d, d);
            var to = dTable.Slice(ids[i] * d, d);
            for (var k = 0; k < d; k++) to[k] += scale * from[k];
        }
    }
}
