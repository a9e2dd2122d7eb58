using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ShopLens.Learning.Clustering;

/// <summary>
/// Squared distances from one row to every centre, the inner loop of k-means. With few columns (customer features:
/// 5 to 20) a SIMD loop over the columns barely fills a vector, so <see cref="Vectorized"/> runs across centres
/// instead, on the centres laid out column by column (<see cref="ByColumn"/>). <see cref="Naive"/> is the plain loop
/// it is tested against.
/// </summary>
static class CentreDistances
{
    /// <summary>Centres padded to a whole number of vectors: the slots past k hold zeros and their distances mean nothing.</summary>
    public static int Padded(int clusters) => (clusters + Vector<double>.Count - 1) / Vector<double>.Count * Vector<double>.Count;

    /// <summary>centres: (k,d) row-major → (d, Padded(k)): column j of every centre side by side.</summary>
    public static double[] ByColumn(ReadOnlySpan<double> centres, int clusters, int width)
    {
        var padded = Padded(clusters);
        var byColumn = new double[width * padded];
        for (var c = 0; c < clusters; c++)
        for (var j = 0; j < width; j++)
            byColumn[j * padded + c] = centres[c * width + j];
        return byColumn;
    }

    // row: (d)  byColumn: (d, K) with K = Padded(k)  distances: (K)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Vectorized(ReadOnlySpan<double> row, ReadOnlySpan<double> byColumn, Span<double> distances)
    {
        var padded = distances.Length;
        ref var centres = ref MemoryMarshal.GetReference(byColumn);
        ref var sums = ref MemoryMarshal.GetReference(distances);
        if (byColumn.Length != row.Length * padded || padded % Vector<double>.Count != 0)
            throw new ArgumentException("centres and distances do not match the row");
        ref var x = ref MemoryMarshal.GetReference(row);
        for (var c = 0; c < padded; c += Vector<double>.Count)
        {
            // One vector of centres at a time, its sums kept in a register across the columns.
            var sum = Vector<double>.Zero;
            for (var j = 0; j < row.Length; j++)
            {
                var diff = new Vector<double>(Unsafe.Add(ref x, j)) - Vector.LoadUnsafe(ref centres, (nuint)(j * padded + c));
                sum += diff * diff;
            }
            sum.StoreUnsafe(ref sums, (nuint)c);
        }
    }

    // row: (d)  centres: (k,d) row-major  distances: (k)
    public static void Naive(ReadOnlySpan<double> row, ReadOnlySpan<double> centres, Span<double> distances)
    {
        for (var c = 0; c < distances.Length; c++)
            distances[c] = SquaredDistance.Between(row, centres.Slice(c * row.Length, row.Length));
    }
}
