using ShopLens.Learning.Numerics;
using ShopLens.Learning.Supervised;
using ShopLens.Learning.ValueModels;
using Xunit.Abstractions;

namespace ShopLens.Learning.Tests.ValueModels;

[Trait("Issue", "5")]
public sealed class ZilnTests(ITestOutputHelper output)
{
    /// <summary>Two columns; p = σ(0.5 + x₀), μ = 2 + 0.5·x₁, σ = 0.8: values 0 with probability 1 − p, else lognormal.</summary>
    static LabeledRows Simulated(int rows, int seed)
    {
        var rng = new Random(seed);
        var x = new float[rows * 2];
        var y = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            var (a, b) = ((float)(rng.NextDouble() * 4 - 2), (float)(rng.NextDouble() * 4 - 2));
            (x[i * 2], x[i * 2 + 1]) = (a, b);
            var p = 1 / (1 + Math.Exp(-(0.5 + a)));
            y[i] = rng.NextDouble() < p ? (float)Math.Exp(2 + 0.5 * b + 0.8 * NormalDistribution.Quantile(rng.NextDouble() * 0.999998 + 1e-6)) : 0;
        }
        return new LabeledRows(x, 2, y);
    }

    [Fact]
    public void Gradient_matches_central_differences()
    {
        var rng = new Random(4);
        const int rows = 60, width = 3;
        var x = Enumerable.Range(0, rows * width).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var y = Enumerable.Range(0, rows).Select(i => i % 3 == 0 ? 0 : Math.Exp(rng.NextDouble() * 3)).ToArray();
        var f = new ZilnObjective(x, width, y, l2: 0.7);
        var point = Enumerable.Range(0, f.Dimension).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var analytic = new double[f.Dimension];
        f.Evaluate(point, analytic);
        var worst = 0.0;
        var scratch = new double[f.Dimension];
        var numeric = CentralDifferences.Gradient(t => f.Evaluate(t, scratch), point, _ => 1e-6);
        for (var j = 0; j < f.Dimension; j++)
        {
            worst = Math.Max(worst, Math.Abs(numeric[j] - analytic[j]) / Math.Max(1, Math.Abs(numeric[j])));
            if (j < 3) output.WriteLine($"ziln grad [{j}] analytic {analytic[j]:F9} numeric {numeric[j]:F9}");
        }
        output.WriteLine($"ziln gradient: max relative diff {worst:E2} (tolerance 1e-6)");
        Assert.True(worst < 1e-6, $"max relative diff {worst}");
    }

    [Fact]
    public void Recovers_the_simulated_probability_and_lognormal()
    {
        var model = new ZilnTrainer(new ZilnOptions { L2 = 0 }).Fit(Simulated(20_000, 1));
        Assert.True(model.Converged);
        float[] at = [0f, 0f, 1f, -1f];
        var (p, mu, sigma) = model.Parameters(at);
        Assert.Equal(1 / (1 + Math.Exp(-0.5)), p[0], 0.02);
        Assert.Equal(1 / (1 + Math.Exp(-1.5)), p[1], 0.02);
        Assert.Equal(2.0, mu[0], 0.05);
        Assert.Equal(1.5, mu[1], 0.05);
        Assert.Equal(0.8, sigma[0], 0.03);
        var expected = model.Predict(at);
        Assert.Equal(p[0] * Math.Exp(mu[0] + 0.5 * sigma[0] * sigma[0]), expected[0], 9);
    }

    [Fact]
    public void Quantiles_are_zero_below_the_zero_mass_and_invert_the_mixture_above()
    {
        var model = new ZilnTrainer(new ZilnOptions()).Fit(Simulated(3000, 2));
        float[] row = [0f, 0f];
        var (p, mu, sigma) = model.Parameters(row);
        Assert.Equal(0, model.Quantile(row, (1 - p[0]) * 0.9)[0]);
        var q = 1 - p[0] * 0.5;
        var value = model.Quantile(row, q)[0];
        var cdf = 1 - p[0] + p[0] * NormalDistribution.Cdf((Math.Log(value) - mu[0]) / sigma[0]);
        Assert.Equal(q, cdf, 9);
    }

    [Fact]
    public void Saves_loads_and_refuses_bad_values()
    {
        var data = Simulated(2000, 3);
        var model = new ZilnTrainer(new ZilnOptions()).Fit(data);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        Assert.Equal(model.Predict(data.Features), ZilnModel.Load(stream).Predict(data.Features));
        Assert.Throws<LearnerInputException>(() => new ZilnTrainer(new ZilnOptions()).Fit(new LabeledRows([1f, 2f], 1, [1f, -1f])));
        Assert.Throws<LearnerInputException>(() => new ZilnTrainer(new ZilnOptions()).Fit(new LabeledRows([1f, 2f], 1, [0f, 0f])));
    }
}
