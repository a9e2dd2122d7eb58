using System.Numerics;

namespace ShopLens.Learning.Sequence;

/// <summary>max(0, x), the feed-forward activation of SASRec's point-wise layers.</summary>
static class Relu
{
    public static void Forward<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < x.Length; i++) y[i] = T.Max(x[i], T.Zero);
    }

    /// <summary>dx += dy where x was positive.</summary>
    public static void Backward<T>(ReadOnlySpan<T> dy, ReadOnlySpan<T> x, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < x.Length; i++)
            if (x[i] > T.Zero) dx[i] += dy[i];
    }
}
