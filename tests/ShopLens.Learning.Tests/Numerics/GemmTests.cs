using ShopLens.Learning.Numerics;

namespace ShopLens.Learning.Tests.Numerics;

/// <summary>The blocked GEMM against a triple loop, its α/accumulate semantics, threads and the scalar kernel.</summary>
[Trait("Issue", "6")]
public sealed class GemmTests
{
    /// <summary>m, n, k: one element, shapes off the 6 × 16 tile, depths over one block, C wider than a panel, a long k.</summary>
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 }, { 7, 5, 3 }, { 65, 33, 129 }, { 6, 16, 256 }, { 97, 530, 300 }, { 3, 2100, 5 }, { 13, 21, 17000 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Float_product_is_the_triple_loops_for_either_transposition(int m, int n, int k)
    {
        foreach (var transpose in new[] { false, true })
        {
            var (a, b, c) = (Random(m * k, 1), Random(k * n, 2), Random(m * n, 3));
            var (expected, scale) = Naive(a, transpose, b, c, m, n, k, -0.5);

            Gemm.Multiply(a, transpose, b, c, m, n, k, alpha: -0.5f, threads: 2);

            for (var e = 0; e < c.Length; e++) Assert.Equal(expected[e], c[e], (k + 2) * 6e-8 * scale[e]);
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Double_product_is_the_triple_loops_for_either_transposition(int m, int n, int k)
    {
        foreach (var transpose in new[] { false, true })
        {
            var (a, b, c) = (Random(m * k, 4), Random(k * n, 5), Random(m * n, 6));
            var (ad, bd, cd) = (Array.ConvertAll(a, v => (double)v), Array.ConvertAll(b, v => (double)v), Array.ConvertAll(c, v => (double)v));
            var (expected, scale) = Naive(a, transpose, b, c, m, n, k, 2);

            Gemm.Multiply(ad, transpose, bd, cd, m, n, k, alpha: 2, threads: 2);

            for (var e = 0; e < c.Length; e++) Assert.Equal(expected[e], cd[e], (k + 2) * 1.2e-16 * scale[e]);
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Product_with_B_transposed_is_the_triple_loops_and_the_same_bits_on_any_thread_count(int m, int n, int k)
    {
        foreach (var transposeA in new[] { false, true })
        {
            var (a, bt, c) = (Random(m * k, 13), Random(n * k, 14), Random(m * n, 15));
            var b = new float[k * n];
            for (var p = 0; p < k; p++)
                for (var j = 0; j < n; j++) b[p * n + j] = bt[j * k + p];
            var (expected, scale) = Naive(a, transposeA, b, c, m, n, k, 0.75);
            var one = (float[])c.Clone();

            Gemm.Multiply(a, transposeA, bt, true, c, m, n, k, alpha: 0.75f, threads: 2);
            Gemm.Multiply(a, transposeA, bt, true, one, m, n, k, alpha: 0.75f, threads: 1);

            for (var e = 0; e < c.Length; e++) Assert.Equal(expected[e], c[e], (k + 2) * 6e-8 * scale[e]);
            Assert.Equal(one, c);
        }
    }

    [Fact]
    public void Alpha_scales_the_product_and_C_is_added_to()
    {
        float[] a = [1, 2, 3, 4], b = [5, 6, 7, 8], c = [1, 1, 1, 1];

        Gemm.Multiply(a, false, b, c, 2, 2, 2, alpha: 0.5f);
        Assert.Equal([10.5f, 12f, 22.5f, 26f], c);
        Gemm.Multiply(a, true, b, c, 2, 2, 2);
        Assert.Equal([36.5f, 42f, 60.5f, 70f], c);
        Gemm.Multiply(a, false, b, c, 2, 2, 2, alpha: 0);
        Assert.Equal([36.5f, 42f, 60.5f, 70f], c);
    }

    [Theory]
    [InlineData(7, 5, 3, false, false)]
    [InlineData(200, 600, 300, false, true)]
    [InlineData(256, 1000, 50, false, true)]
    [InlineData(40, 40, 30000, true, false)]
    [InlineData(3, 4, 0, false, false)]
    public void Without_accumulate_C_gets_what_a_cleared_C_gets_and_its_old_values_are_never_read(int m, int n, int k, bool transposeA, bool transposeB)
    {
        var (a, b) = (Random(m * k, 11), Random(k * n, 12));
        var cleared = new float[m * n];
        var overwritten = Enumerable.Repeat(float.NaN, m * n).ToArray();

        Gemm.Multiply(a, transposeA, b, transposeB, cleared, m, n, k, alpha: 0.5f, threads: 2);
        Gemm.Multiply(a, transposeA, b, transposeB, overwritten, m, n, k, alpha: 0.5f, threads: 2, accumulate: false);

        Assert.Equal(cleared, overwritten);
    }

    [Theory]
    [InlineData(200, 600, 300, false)]
    [InlineData(200, 600, 300, true)]
    [InlineData(40, 40, 30000, true)]
    public void One_thread_or_two_and_the_scalar_kernel_give_the_same_bits(int m, int n, int k, bool transpose)
    {
        var (a, b, c) = (Random(m * k, 7), Random(k * n, 8), Random(m * n, 9));
        var (one, two, scalar) = ((float[])c.Clone(), (float[])c.Clone(), (float[])c.Clone());

        Gemm.Multiply(a, transpose, b, one, m, n, k, alpha: 1.5f, threads: 1);
        Gemm.Multiply(a, transpose, b, two, m, n, k, alpha: 1.5f, threads: 2);
        Gemm.Multiply<float>(a, transpose, b, scalar, m, n, k, 1.5f, threads: 2, vector: false, CancellationToken.None);

        Assert.Equal(one, two);
        Assert.Equal(one, scalar);
    }

    [Fact]
    public void Scalar_kernel_is_the_triple_loops_on_edge_tiles()
    {
        const int m = 65, n = 33, k = 129;
        var (a, b, c) = (Random(m * k, 10), Random(k * n, 11), Random(m * n, 12));
        var (expected, scale) = Naive(a, false, b, c, m, n, k, 1);

        Gemm.Multiply<float>(a, false, b, c, m, n, k, 1, threads: 1, vector: false, CancellationToken.None);

        for (var e = 0; e < c.Length; e++) Assert.Equal(expected[e], c[e], (k + 2) * 6e-8 * scale[e]);
    }

    [Fact]
    public void Empty_products_change_nothing_and_bad_lengths_are_refused()
    {
        float[] c = [1, 2];
        Gemm.Multiply([], false, [], c, 1, 2, 0);
        Assert.Equal([1f, 2f], c);
        Assert.Throws<ArgumentException>(() => Gemm.Multiply(new float[5], false, new float[6], new float[4], 2, 2, 3));
        Assert.Throws<ArgumentException>(() => Gemm.Multiply(new float[6], false, new float[5], new float[4], 2, 2, 3));
        Assert.Throws<ArgumentException>(() => Gemm.Multiply(new float[6], false, new float[6], new float[5], 2, 2, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Multiply(new float[6], false, new float[6], new float[4], 2, 2, 3, threads: 0));
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        var (a, b) = (new float[100 * 100], new float[100 * 100]);
        Assert.ThrowsAny<OperationCanceledException>(() => Gemm.Multiply(a, false, b, new float[100 * 100], 100, 100, 100, ct: new CancellationToken(canceled: true)));
    }

    static float[] Random(int length, int seed)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, length).Select(_ => (float)(rng.NextDouble() - 0.5))];
    }

    /// <summary>
    /// C + α op(A) B in double, one entry at a time, and the scale |C| + |α| Σₚ |op(A)ᵢₚ Bₚⱼ| whose (k + 2) ε bounds
    /// the rounding of any order of summation.
    /// </summary>
    static (double[] Value, double[] Scale) Naive(float[] a, bool transpose, float[] b, float[] c, int m, int n, int k, double alpha)
    {
        var (value, scale) = (new double[m * n], new double[m * n]);
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
            {
                var (sum, size) = (0.0, 0.0);
                for (var p = 0; p < k; p++)
                {
                    var product = (transpose ? a[p * m + i] : a[i * k + p]) * (double)b[p * n + j];
                    (sum, size) = (sum + product, size + Math.Abs(product));
                }
                (value[i * n + j], scale[i * n + j]) = (c[i * n + j] + alpha * sum, Math.Abs(c[i * n + j]) + Math.Abs(alpha) * size);
            }
        return (value, scale);
    }
}
