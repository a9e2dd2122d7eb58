using ShopLens.Learning.Numerics;

namespace ShopLens.Learning.Tests.Numerics;

[Trait("Issue", "6")]
public sealed class PositiveDefiniteInverseTests
{
    /// <summary>A = MᵀM + I for a seeded random M: symmetric positive definite.</summary>
    static double[] Random(int n, int seed)
    {
        var rng = new Random(seed);
        var m = Enumerable.Range(0, n * n).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                for (var k = 0; k < n; k++) a[i * n + j] += m[k * n + i] * m[k * n + j];
                if (i == j) a[i * n + j] += 1;
            }
        return a;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(130)]
    public void Inverse_times_the_matrix_is_the_identity(int n)
    {
        var a = Random(n, n);
        var inverse = PositiveDefiniteInverse.Invert(a, n, threads: 2);
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < n; k++) sum += a[i * n + k] * inverse[k * n + j];
                Assert.Equal(i == j ? 1 : 0, sum, 1e-10);
            }
        Assert.Equal(inverse, PositiveDefiniteInverse.Invert(a, n, threads: 1));
    }

    [Fact]
    public void A_matrix_that_is_not_positive_definite_is_refused()
    {
        Assert.Throws<ArithmeticException>(() => PositiveDefiniteInverse.Invert([1, 2, 2, 1], 2));
        Assert.Throws<ArgumentException>(() => PositiveDefiniteInverse.Invert([1, 2, 3], 2));
    }
}
