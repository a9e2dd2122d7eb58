using System.Numerics.Tensors;

namespace ShopLens.Learning.Numerics;

/// <summary>
/// Right-looking blocked Cholesky A = LLᵀ (LAPACK's <c>dpotrf</c>): per block column, the diagonal block and the panel
/// below it are factored by dot products, and the trailing lower triangle takes the panel's update
/// A₂₂ −= L₂₁L₂₁ᵀ by <see cref="Gemm"/>, where almost all of the n³/3 flops are. Every entry is computed in an order
/// fixed by n, so L is the same bits on any number of threads.
/// </summary>
static unsafe class BlockedCholesky
{
    /// <summary>Columns per block: the panel work is O(n · Block²), the rest goes through the GEMM.</summary>
    const int Block = 128;

    /// <summary>
    /// Overwrites the lower triangle of <paramref name="a"/> (n × n, row-major) with L; the strict upper triangle is
    /// left holding scratch.
    /// </summary>
    /// <exception cref="ArithmeticException">A is not positive definite (a pivot ≤ 0)</exception>
    public static void Factor(double[] a, int n, int threads, CancellationToken ct)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = ct };
        for (var j0 = 0; j0 < n; j0 += Block)
        {
            ct.ThrowIfCancellationRequested();
            var (start, end) = (j0, Math.Min(n, j0 + Block));
            for (var j = start; j < end; j++)
            {
                var pivot = a[j * n + j] - TensorPrimitives.Dot(a.AsSpan(j * n + start, j - start), a.AsSpan(j * n + start, j - start));
                if (!(pivot > 0)) throw new ArithmeticException($"the matrix is not positive definite (pivot {pivot} at row {j})");
                a[j * n + j] = Math.Sqrt(pivot);
                for (var i = j + 1; i < end; i++) a[i * n + j] = Below(a, n, i, j, start);
            }
            if (end == n) return;
            // L₂₁ = A₂₁ L₁₁⁻ᵀ, row by row.
            Parallel.For(end, n, options, i =>
            {
                for (var j = start; j < end; j++) a[i * n + j] = Below(a, n, i, j, start);
            });
            // A₂₂ −= L₂₁L₂₁ᵀ, by blocks of rows up to the diagonal.
            fixed (double* p = a)
            {
                var panel = p + (long)end * n + start;
                for (var r = end; r < n; r += Block)
                    Gemm.Run(new GemmOperand<double>(p + (long)r * n + start, n, false), new GemmOperand<double>(panel, n, true),
                        p + (long)r * n + end, n, Math.Min(Block, n - r), Math.Min(n, r + Block) - end, end - start, -1.0, threads, GemmKernel.Vectorized, ct);
            }
        }
    }

    /// <summary>L[i, j] for i &gt; j from A[i, j] updated by all earlier blocks: (A[i, j] − L[i, start..j]·L[j, start..j]) / L[j, j].</summary>
    static double Below(double[] a, int n, int i, int j, int start) =>
        (a[i * n + j] - TensorPrimitives.Dot(a.AsSpan(i * n + start, j - start), a.AsSpan(j * n + start, j - start))) / a[j * n + j];
}
