using System.Numerics;

namespace ShopLens.Learning.Sequence;

/// <summary>
/// Inverted dropout: each value kept with probability 1 − p and scaled by 1 / (1 − p). Whether element i is dropped
/// is a hash of (key, i), so a mask costs no generator state, splits over threads and is the same for any split.
/// </summary>
static class Dropout
{
    /// <summary>y = x · mask; the mask (0 or 1 / (1 − p)) is kept for the backward pass.</summary>
    public static void Forward<T>(ReadOnlySpan<T> x, Span<T> y, Span<T> mask, double p, ulong key) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var keep = T.CreateTruncating(1 / (1 - p));
        for (var i = 0; i < x.Length; i++)
        {
            mask[i] = Uniform(key, (ulong)i) < p ? T.Zero : keep;
            y[i] = x[i] * mask[i];
        }
    }

    /// <summary>dx += dy · mask.</summary>
    public static void Backward<T>(ReadOnlySpan<T> dy, ReadOnlySpan<T> mask, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < dy.Length; i++) dx[i] += dy[i] * mask[i];
    }

    /// <summary>SplitMix64's finaliser of key + index, as a uniform double in [0, 1).</summary>
    static double Uniform(ulong key, ulong index)
    {
        var z = key + (index + 1) * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (z ^ (z >> 31)) * (1.0 / 18446744073709551616.0);
    }
}
