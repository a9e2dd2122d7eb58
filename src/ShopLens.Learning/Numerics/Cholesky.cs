namespace ShopLens.Learning.Numerics;

/// <summary>Solves a small dense symmetric positive definite system in place, for exact per-row least squares.</summary>
static class Cholesky
{
    /// <summary>
    /// Solves A x = b: <paramref name="a"/> (n × n, row-major, the lower triangle read) is overwritten by its Cholesky
    /// factor, <paramref name="b"/> by x.
    /// </summary>
    /// <exception cref="ArithmeticException">A is not positive definite to working precision</exception>
    public static void Solve(Span<double> a, Span<double> b, int n)
    {
        for (var j = 0; j < n; j++)
        {
            var d = a[j * n + j];
            for (var k = 0; k < j; k++) d -= a[j * n + k] * a[j * n + k];
            if (!(d > 0)) throw new ArithmeticException($"the system is not positive definite (pivot {j} is {d})");
            d = Math.Sqrt(d);
            a[j * n + j] = d;
            for (var i = j + 1; i < n; i++)
            {
                var s = a[i * n + j];
                for (var k = 0; k < j; k++) s -= a[i * n + k] * a[j * n + k];
                a[i * n + j] = s / d;
            }
        }
        for (var i = 0; i < n; i++)
        {
            var s = b[i];
            for (var k = 0; k < i; k++) s -= a[i * n + k] * b[k];
            b[i] = s / a[i * n + i];
        }
        for (var i = n - 1; i >= 0; i--)
        {
            var s = b[i];
            for (var k = i + 1; k < n; k++) s -= a[k * n + i] * b[k];
            b[i] = s / a[i * n + i];
        }
    }
}
