using System.Numerics.Tensors;

namespace ShopLens.Learning.Numerics;

/// <summary>
/// The inverse of a symmetric positive definite matrix (row-major, n × n) by Cholesky: A = LLᵀ, then A⁻¹ = L⁻ᵀL⁻¹.
/// Every inner loop is a contiguous dot product (TensorPrimitives), rows are shared across threads, and each entry is
/// one dot product in a fixed order, so the result is the same bits on any number of threads.
/// </summary>
public static class PositiveDefiniteInverse
{
    /// <summary>Replaces nothing: returns A⁻¹ as a new array.</summary>
    /// <exception cref="ArithmeticException">A is not positive definite (a pivot ≤ 0)</exception>
    public static double[] Invert(ReadOnlySpan<double> a, int n, int threads = 1, CancellationToken ct = default)
    {
        if (a.Length != n * n) throw new ArgumentException($"a {n} × {n} matrix has {n * n} entries, not {a.Length}", nameof(a));
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = ct };
        var l = a.ToArray();
        // Left-looking Cholesky, column by column: L[i, j] = (A[i, j] − L[i, :j]·L[j, :j]) / L[j, j].
        for (var j = 0; j < n; j++)
        {
            ct.ThrowIfCancellationRequested();
            var pivot = l[j * n + j] - TensorPrimitives.Dot(l.AsSpan(j * n, j), l.AsSpan(j * n, j));
            if (!(pivot > 0)) throw new ArithmeticException($"the matrix is not positive definite (pivot {pivot} at row {j})");
            var diagonal = Math.Sqrt(pivot);
            l[j * n + j] = diagonal;
            var column = j;
            Parallel.For(j + 1, n, options, i =>
                l[i * n + column] = (l[i * n + column] - TensorPrimitives.Dot(l.AsSpan(i * n, column), l.AsSpan(column * n, column))) / diagonal);
        }
        // Column c of L⁻¹, stored as row c of m (entries c … n − 1): forward substitution on L y = e_c.
        var m = new double[n * n];
        Parallel.For(0, n, options, c =>
        {
            var y = m.AsSpan(c * n, n);
            y[c] = 1 / l[c * n + c];
            for (var i = c + 1; i < n; i++)
                y[i] = -TensorPrimitives.Dot(l.AsSpan(i * n + c, i - c), y[c..i]) / l[i * n + i];
        });
        // (A⁻¹)[p, q] = Σ over k ≥ max(p, q) of L⁻¹[k, p] L⁻¹[k, q].
        var inverse = new double[n * n];
        Parallel.For(0, n, options, p =>
        {
            for (var q = p; q < n; q++)
                inverse[p * n + q] = inverse[q * n + p] = TensorPrimitives.Dot(m.AsSpan(p * n + q, n - q), m.AsSpan(q * n + q, n - q));
        });
        return inverse;
    }
}
