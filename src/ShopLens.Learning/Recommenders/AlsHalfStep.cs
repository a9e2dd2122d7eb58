using System.Buffers;
using System.Numerics.Tensors;
using ShopLens.Learning.Numerics;

namespace ShopLens.Learning.Recommenders;

/// <summary>
/// Half of an ALS iteration: the factor xᵤ of every row u solved against the other side's factors Y, which stay fixed.
/// Row u's normal equations are (YᵀY + λI + Σᵢ (cᵤᵢ − 1) yᵢyᵢᵀ) xᵤ = Σᵢ cᵤᵢ yᵢ over its observed items i, with
/// cᵤᵢ = 1 + α wᵤᵢ: YᵀY is shared by all rows, so a row costs O(nnzᵤ · f + f²) per conjugate-gradient step instead of
/// forming its own matrix (Hu, Koren and Volinsky 2008, §4; Takács, Pilászy and Tikk 2011 for CG). Rows are
/// independent, so the result is the same for any number of threads.
/// </summary>
static class AlsHalfStep
{
    /// <summary>Rows per unit of parallel work.</summary>
    const int Block = 64;

    /// <summary>A squared residual below this ends a row's CG early (implicit's threshold).</summary>
    const double Converged = 1e-20;

    /// <summary>
    /// Updates <paramref name="x"/> (rows × f, row-major) in place, starting each row's CG from its current value; a
    /// row with no items gets the zero factor, its exact solution.
    /// </summary>
    public static void Run(Interactions rows, double[] x, double[] y, int f, double regularization, double alpha, int cgSteps, int threads, CancellationToken ct)
    {
        var a = Gram(y, f, threads, ct);
        for (var j = 0; j < f; j++) a[j * f + j] += regularization;
        var blocks = (rows.Users + Block - 1) / Block;
        void Solve(int block, double[] work)
        {
            for (var u = block * Block; u < Math.Min(rows.Users, (block + 1) * Block); u++)
                SolveRow(rows.ItemsOf(u), rows.WeightsOf(u), x.AsSpan(u * f, f), y, a, alpha, cgSteps, work);
        }
        if (threads <= 1 || blocks <= 1)
        {
            var work = new double[3 * f];
            for (var b = 0; b < blocks; b++)
            {
                ct.ThrowIfCancellationRequested();
                Solve(b, work);
            }
            return;
        }
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct },
            () => new double[3 * f], (b, _, work) => { Solve(b, work); return work; }, _ => { });
    }

    /// <summary>
    /// YᵀY (f × f, row-major) of the rows of <paramref name="y"/> by the blocked SGEMM: from float copies with float
    /// sums, which the CG solve tolerates (it matches exact double solves to 1e-6) at twice the double rate. The
    /// product's split depends on its shape alone, so the result is the same for any number of threads.
    /// </summary>
    public static double[] Gram(double[] y, int f, int threads, CancellationToken ct)
    {
        var single = ArrayPool<float>.Shared.Rent(y.Length);
        var rows = single.AsSpan(0, y.Length);
        TensorPrimitives.ConvertTruncating<double, float>(y, rows);
        var gram = new float[f * f];
        Gemm.Multiply(rows, true, rows, gram, f, f, y.Length / f, 1, threads, ct);
        ArrayPool<float>.Shared.Return(single);
        var result = new double[f * f];
        TensorPrimitives.ConvertTruncating<float, double>(gram, result);
        return result;
    }

    /// <summary>CG on one row's normal equations from the current <paramref name="x"/>, as implicit's <c>least_squares_cg</c>.</summary>
    static void SolveRow(ReadOnlySpan<int> items, ReadOnlySpan<float> weights, Span<double> x, double[] y, double[] a, double alpha, int steps, double[] work)
    {
        if (items.IsEmpty)
        {
            x.Clear();
            return;
        }
        var f = x.Length;
        Span<double> r = work.AsSpan(0, f), p = work.AsSpan(f, f), ap = work.AsSpan(2 * f, f);
        // r = b − A x.
        Times(a, x, r);
        TensorPrimitives.Negate(r, r);
        for (var k = 0; k < items.Length; k++)
        {
            var yi = y.AsSpan(items[k] * f, f);
            var extra = alpha * weights[k];
            TensorPrimitives.MultiplyAdd(yi, 1 + extra - extra * TensorPrimitives.Dot<double>(yi, x), r, r);
        }
        r.CopyTo(p);
        var rsOld = TensorPrimitives.Dot<double>(r, r);
        if (rsOld < Converged) return;
        for (var step = 0; step < steps; step++)
        {
            Times(a, p, ap);
            for (var k = 0; k < items.Length; k++)
            {
                var yi = y.AsSpan(items[k] * f, f);
                TensorPrimitives.MultiplyAdd(yi, alpha * weights[k] * TensorPrimitives.Dot<double>(yi, p), ap, ap);
            }
            var length = rsOld / TensorPrimitives.Dot<double>(p, ap);
            TensorPrimitives.MultiplyAdd(p, length, x, x);
            TensorPrimitives.MultiplyAdd(ap, -length, r, r);
            var rsNew = TensorPrimitives.Dot<double>(r, r);
            if (rsNew < Converged) return;
            TensorPrimitives.MultiplyAdd(p, rsNew / rsOld, r, p);
            rsOld = rsNew;
        }
    }

    /// <summary>result = A v for the symmetric f × f matrix A.</summary>
    static void Times(double[] a, ReadOnlySpan<double> v, Span<double> result)
    {
        for (var j = 0; j < result.Length; j++) result[j] = TensorPrimitives.Dot(a.AsSpan(j * v.Length, v.Length), v);
    }
}
