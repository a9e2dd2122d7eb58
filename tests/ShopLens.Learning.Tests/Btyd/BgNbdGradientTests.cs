using ShopLens.Learning.Btyd;
using ShopLens.Learning.Tests.Linear;
using Xunit.Abstractions;

namespace ShopLens.Learning.Tests.Btyd;

/// <summary>The analytic gradients of the penalised BG/NBD and MBG/NBD objectives in log-parameters against central differences, and the ₂F₁ helper.</summary>
[Trait("Issue", "5")]
public sealed class BgNbdGradientTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(false, 0.243, 4.414, 0.793, 2.426, 0.0)]
    [InlineData(false, 1.5, 0.3, 2.0, 0.6, 0.01)]
    [InlineData(true, 0.525, 6.183, 0.891, 1.614, 0.0)]
    [InlineData(true, 0.2, 20.0, 0.4, 5.0, 0.1)]
    public void Gradient_matches_central_differences(bool modified, double r, double alpha, double a, double b, double l2)
    {
        var objective = new MaximumLikelihood.Objective<BgNbdLikelihood>(new BgNbdLikelihood(BgNbdTestData.CdnowCustomers, modified), l2);
        double[] theta = [Math.Log(r), Math.Log(alpha), Math.Log(a), Math.Log(b)];
        var analytic = new double[4];
        objective.Evaluate(theta, analytic);
        var scratch = new double[4];
        var numeric = CentralDifferences.Gradient(t => objective.Evaluate(t, scratch), theta, _ => 1e-5);
        var label = $"{(modified ? "MBG" : "BG")}/NBD ∂f/∂log(r, α, a, b) at ({r}, {alpha}, {a}, {b}), λ = {l2}";
        Assert.True(CheckTensor.Check(output, label, analytic, numeric, 1e-7));
    }

    [Fact]
    public void Objective_is_infinite_where_a_parameter_overflows()
    {
        var objective = new MaximumLikelihood.Objective<BgNbdLikelihood>(new BgNbdLikelihood(BgNbdTestData.CdnowCustomers, modified: false), l2: 0);
        Assert.Equal(double.PositiveInfinity, objective.Evaluate([-800, 0, 0, 0], new double[4]));
        Assert.Equal(double.PositiveInfinity, objective.Evaluate([0, 800, 0, 0], new double[4]));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void Hypergeometric_matches_closed_forms(double z)
    {
        var log1mz = Math.Log(1 - z);
        // Weighted(r, x, a, b, m) = (1 − z)^(r+x) ₂F₁(r + x, b + x + m; a + b + x − 1 + m; z).
        // ₂F₁(1, 1; 2; z) = −log(1 − z)/z (A&S 15.1.3), summed directly (a − 1 ≥ r + x).
        Assert.Equal((1 - z) * -log1mz / z, BgNbdHypergeometric.Weighted(1, 0, 2, 1, 0, z, log1mz), 1e-12);
        // ₂F₁(a, b; b; z) = (1 − z)^−a, through Euler's transformation (a − 1 < r + x).
        Assert.Equal(1, BgNbdHypergeometric.Weighted(2.5, 0, 1, 1.7, 0, z, log1mz), 1e-12);
        // ₂F₁(½, ½; 3/2; z²) = arcsin(z)/z (A&S 15.1.6).
        var z2 = z * z;
        Assert.Equal(Math.Sqrt(1 - z2) * Math.Asin(z) / z, BgNbdHypergeometric.Weighted(0.5, 0, 2, 0.5, 0, z2, Math.Log(1 - z2)), 1e-12);
        // ₂F₁(3, 1; 2; z) = (2 − z) / (2 (1 − z)²), through Euler's transformation to ₂F₁(−1, 1; 2; z) = 1 − z/2; here
        // as r + x = 2 + 1 and MBG/NBD's m = 1 with b = −1 + 1 … kept to plain BG/NBD letters: r = 3, a = 2, b = 1.
        Assert.Equal((1 - z) * (2 - z) / 2, BgNbdHypergeometric.Weighted(3, 0, 2, 1, 0, z, log1mz), 1e-12);
        // The same function through x and m: r + x = 3, b + x + m = 1 + 2 + 1, a + b + x − 1 + m = 2 + 1 + 2 − 1 + 1.
        Assert.Equal(BgNbdHypergeometric.Weighted(3, 0, 2, 4, 0, z, log1mz), BgNbdHypergeometric.Weighted(1, 2, 2, 1, 1, z, log1mz), 1e-12);
    }
}
