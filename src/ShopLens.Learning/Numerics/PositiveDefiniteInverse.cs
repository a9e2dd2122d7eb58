namespace ShopLens.Learning.Numerics;

/// <summary>
/// The inverse of a symmetric positive definite matrix (row-major, n × n) by Cholesky: A = LLᵀ (<see
/// cref="BlockedCholesky"/>), then A⁻¹ = L⁻ᵀL⁻¹ with the product by <see cref="Gemm"/>. Each entry is computed in an
/// order fixed by n, so the result is the same bits on any number of threads.
/// </summary>
public static unsafe class PositiveDefiniteInverse
{
    /// <summary>Rows of A⁻¹ per product: each block of rows multiplies only the columns at and right of its diagonal.</summary>
    const int Block = 128;

    /// <summary>Replaces nothing: returns A⁻¹ as a new array.</summary>
    /// <exception cref="ArithmeticException">A is not positive definite (a pivot ≤ 0)</exception>
    public static double[] Invert(ReadOnlySpan<double> a, int n, int threads = 1, CancellationToken ct = default)
    {
        if (a.Length != n * n) throw new ArgumentException($"a {n} × {n} matrix has {n * n} entries, not {a.Length}", nameof(a));
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = ct };
        var l = a.ToArray();
        BlockedCholesky.Factor(l, n, threads, ct);
        // U = L⁻ᵀ, upper triangular: row c of U is column c of L⁻¹, by forward substitution on L y = e_c.
        var u = new double[n * n];
        Parallel.For(0, n, options, c =>
        {
            var y = u.AsSpan(c * n, n);
            y[c] = 1 / l[c * n + c];
            for (var i = c + 1; i < n; i++)
                y[i] = -System.Numerics.Tensors.TensorPrimitives.Dot(l.AsSpan(i * n + c, i - c), y[c..i]) / l[i * n + i];
        });
        // A⁻¹ = UUᵀ: rows p of a block against rows q ≥ its first, over the columns k ≥ it where both can be nonzero.
        var inverse = new double[n * n];
        fixed (double* pu = u, pi = inverse)
        {
            for (var p = 0; p < n; p += Block)
            {
                var corner = pu + (long)p * n + p;
                Gemm.Run(new GemmOperand<double>(corner, n, false), new GemmOperand<double>(corner, n, true), pi + (long)p * n + p, n,
                    Math.Min(Block, n - p), n - p, n - p, 1.0, threads, GemmKernel.Vectorized, ct);
            }
        }
        for (var p = 1; p < n; p++)
            for (var q = 0; q < p; q++) inverse[p * n + q] = inverse[q * n + p];
        return inverse;
    }
}
