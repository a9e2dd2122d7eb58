using ShopLens.Learning.Clustering;
using ShopLens.Learning.Linear;
using Xunit.Abstractions;

namespace ShopLens.Learning.Tests.Linear;

/// <summary>The logistic loss kernel: SIMD against the plain loops, and the objective's gradient against finite differences.</summary>
[Trait("Issue", "4")]
public sealed class LogisticLossTests(ITestOutputHelper output)
{
    public static TheoryData<int> Widths => [1, 2, 7, 15, 33];

    [Theory]
    [MemberData(nameof(Widths))]
    public void Simd_kernels_match_the_plain_loops_on_every_length(int columns)
    {
        foreach (var rows in Enumerable.Range(0, 257).Append(4093))
        {
            var rng = new Random(rows * 31 + columns);
            var stride = rows + rows % 3;
            var x = Values(rng, stride * columns, 3).Select(v => (float)v).ToArray();
            var m = Values(rng, columns, 1);
            var u = Values(rng, columns, 2);
            var y = Enumerable.Range(0, rows).Select(_ => (float)rng.Next(2)).ToArray();
            var w = Values(rng, rows, 1).Select(Math.Abs).ToArray();
            double[] plain = new double[rows], simd = new double[rows];

            LogisticLoss.ForwardNaive(x, stride, m, u, 0.3, plain);
            LogisticLoss.Forward(x, stride, m, u, 0.3, simd);
            Assert.Equal(plain, simd);

            var plainLoss = LogisticLoss.LossNaive(plain, y, rows % 2 == 0 ? w : default);
            var simdLoss = LogisticLoss.Loss(simd, y, rows % 2 == 0 ? w : default);
            AssertClose(plainLoss, simdLoss, 1e-13);
            for (var i = 0; i < rows; i++) AssertClose(plain[i], simd[i], 1e-14);

            double[] plainGradient = new double[columns], simdGradient = new double[columns];
            AssertClose(LogisticLoss.BackwardNaive(x, stride, m, plain, plainGradient), LogisticLoss.Backward(x, stride, m, plain, simdGradient), 1e-12);
            for (var j = 0; j < columns; j++) AssertClose(plainGradient[j], simdGradient[j], 1e-12);
        }
    }

    [Fact]
    public void Chunks_hold_their_rows_column_by_column()
    {
        const int columns = 3, rows = RowChunks.Size + 5, stride = LogisticLoss.ColumnStride;
        var x = Enumerable.Range(1, rows * columns).Select(v => (float)v).ToArray();
        var blocks = LogisticLoss.ChunkColumns(x, columns, threads: 2, CancellationToken.None);

        Assert.Equal(2 * columns * stride, blocks.Length);
        Assert.Equal(x[1 * columns + 2], blocks[2 * stride + 1]);
        Assert.Equal(x[(RowChunks.Size + 4) * columns + 1], blocks[columns * stride + 1 * stride + 4]);
        Assert.Equal(x.Order(), blocks.Where(v => v != 0).Order());
    }

    [Fact]
    public void Gradient_of_the_penalised_weighted_loss_matches_central_differences()
    {
        // Three chunks on three threads, row and class weights, standardised columns, one of them constant.
        const int rows = 9000, columns = 7;
        var rng = new Random(42);
        var x = Values(rng, rows * columns, 2).Select(v => (float)v).ToArray();
        for (var i = 0; i < rows; i++) x[i * columns + 4] = 2.5f;
        var y = Enumerable.Range(0, rows).Select(i => x[i * columns] + 0.5 * rng.NextDouble() > 0.3 ? 1f : 0f).ToArray();
        var w = Enumerable.Range(0, rows).Select(i => 0.5 + (y[i] == 1 ? 1.5 : 0.7) * rng.NextDouble()).ToArray();
        var objective = new LogisticObjective(x, y, w, ColumnScaling.Standardizing(x, columns), l2: 0.7, threads: 3, CancellationToken.None);
        var theta = Values(rng, columns + 1, 1.5);

        var analytic = new double[objective.Dimension];
        objective.Evaluate(theta, analytic);
        var scratch = new double[objective.Dimension];
        var numeric = CentralDifferences.Gradient(t => objective.Evaluate(t, scratch), theta, _ => 1e-5);

        Assert.True(CheckTensor.Check(output, "d loss / d (β, b)", analytic, numeric, tolerance: 1e-6, printUpTo: 8));
        Assert.Equal(0.7 * theta[4], analytic[4], 12);
    }

    static double[] Values(Random rng, int count, double spread) =>
        [.. Enumerable.Range(0, count).Select(_ => spread * (2 * rng.NextDouble() - 1))];

    static void AssertClose(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
}
