using System.Numerics;

namespace ShopLens.Learning.Sequence;

/// <summary>
/// Layer normalisation of each d-wide row, y = (x − mean) / √(var + ε) · w + b, keeping each row's mean and
/// reciprocal standard deviation for the backward pass.
/// </summary>
static class LayerNorm
{
    public const double Epsilon = 1e-5;

    public static void Forward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> b, Span<T> y, Span<T> mean, Span<T> rstd, int n, int d)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var size = T.CreateTruncating(d);
        var epsilon = T.CreateTruncating(Epsilon);
        for (var i = 0; i < n; i++)
        {
            var row = x.Slice(i * d, d);
            var m = T.Zero;
            for (var k = 0; k < d; k++) m += row[k];
            m /= size;
            var v = T.Zero;
            for (var k = 0; k < d; k++) v += (row[k] - m) * (row[k] - m);
            var s = T.One / T.Sqrt(v / size + epsilon);
            var output = y.Slice(i * d, d);
            for (var k = 0; k < d; k++) output[k] = (row[k] - m) * s * w[k] + b[k];
            (mean[i], rstd[i]) = (m, s);
        }
    }

    /// <summary>Adds dx, dw and db for the upstream gradient dy (llm.c's layernorm_backward).</summary>
    public static void Backward<T>(ReadOnlySpan<T> dy, ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> mean, ReadOnlySpan<T> rstd,
        Span<T> dx, Span<T> dw, Span<T> db, int n, int d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var size = T.CreateTruncating(d);
        for (var i = 0; i < n; i++)
        {
            var row = x.Slice(i * d, d);
            var up = dy.Slice(i * d, d);
            var into = dx.Slice(i * d, d);
            var (m, s) = (mean[i], rstd[i]);
            T meanDnorm = T.Zero, meanDnormNorm = T.Zero;
            for (var k = 0; k < d; k++)
            {
                var dnorm = w[k] * up[k];
                meanDnorm += dnorm;
                meanDnormNorm += dnorm * (row[k] - m) * s;
            }
            (meanDnorm, meanDnormNorm) = (meanDnorm / size, meanDnormNorm / size);
            for (var k = 0; k < d; k++)
            {
                var norm = (row[k] - m) * s;
                db[k] += up[k];
                dw[k] += norm * up[k];
                into[k] += (w[k] * up[k] - meanDnorm - norm * meanDnormNorm) * s;
            }
        }
    }
}
