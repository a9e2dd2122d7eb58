using System.Runtime.CompilerServices;

namespace ShopLens.Learning.Clustering;

/// <summary>Squared Euclidean distance between two rows of equal width.</summary>
static class SquaredDistance
{
    // a: (d)  b: (d)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Between(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        b = b[..a.Length];
        var sum = 0.0;
        for (var j = 0; j < a.Length; j++)
        {
            var t = a[j] - b[j];
            sum += t * t;
        }
        return sum;
    }
}
