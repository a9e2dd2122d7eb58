using System.Numerics;
using ShopLens.Learning.Numerics;

namespace ShopLens.Learning.Sequence;

/// <summary>
/// A fully connected layer over n rows, y = x · W + b, with W stored in × out; its backward pass beside it, as llm.c
/// writes layers. Both run on the blocked GEMM, which gives the same bits for any thread count.
/// </summary>
static class Linear
{
    public static void Forward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> b, Span<T> y, int n, int inDim, int outDim, int threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < n; i++) b.CopyTo(y.Slice(i * outDim, outDim));
        Gemm.Multiply(x[..(n * inDim)], false, w, false, y[..(n * outDim)], n, outDim, inDim, T.One, threads, GemmKernel.Vectorized, default);
    }

    /// <summary>Adds the gradients: dx += dy · Wᵀ, dW += xᵀ · dy, db += the column sums of dy.</summary>
    public static void Backward<T>(ReadOnlySpan<T> dy, ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> dx, Span<T> dw, Span<T> db,
        int n, int inDim, int outDim, int threads) where T : unmanaged, IFloatingPointIeee754<T>
    {
        dy = dy[..(n * outDim)];
        Gemm.Multiply(dy, false, w, true, dx[..(n * inDim)], n, inDim, outDim, T.One, threads, GemmKernel.Vectorized, default);
        Gemm.Multiply(x[..(n * inDim)], true, dy, false, dw, inDim, outDim, n, T.One, threads, GemmKernel.Vectorized, default);
        for (var i = 0; i < n; i++)
        {
            var row = dy.Slice(i * outDim, outDim);
            for (var j = 0; j < outDim; j++) db[j] += row[j];
        }
    }
}
