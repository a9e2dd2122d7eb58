using ShopLens.Learning.Btyd;
using ShopLens.Learning.Tests.Linear;
using Xunit.Abstractions;

namespace ShopLens.Learning.Tests.Btyd;

/// <summary>₂F₁ against SciPy and its term-by-term derivatives against central differences.</summary>
[Trait("Issue", "5")]
public sealed class HypergeometricTests(ITestOutputHelper output)
{
    // scipy 1.10.1: scipy.special.hyp2f1(a, b, c, z).
    [Theory]
    [InlineData(1.5, 1.6, 2.5, 0.3, 1.3995603200211733)]
    [InlineData(27.6, 1.6, 28.6, 0.9, 27.93061358956347)]
    [InlineData(0.8, 26.55, 28.6, 0.05, 1.038758985315373)]
    [InlineData(3.2, 0.7, 4.2, 0.99, 4.4576032439662825)]
    [InlineData(10, 2, 11, 0.5, 3.412982452583142)]
    [InlineData(1, 1, 2, 0.5, 1.3862943611198901)]
    public void Matches_scipy_hyp2f1(double a, double b, double c, double z, double expected) =>
        Assert.Equal(expected, Hypergeometric.Gauss(a, b, c, z), 1e-13 * expected);

    [Fact]
    public void Is_one_at_zero_and_log_form_at_one_one_two()
    {
        Assert.Equal(1.0, Hypergeometric.Gauss(2.5, 3.5, 1.5, 0));
        // A&S 15.1.3: ₂F₁(1, 1; 2; z) = −log(1 − z) / z.
        Assert.Equal(-Math.Log(1 - 0.75) / 0.75, Hypergeometric.Gauss(1, 1, 2, 0.75), 1e-14);
    }

    [Theory]
    [InlineData(1.5, 1.6, 2.5, 0.3)]
    [InlineData(27.6, 1.6, 28.6, 0.9)]
    [InlineData(0.8, 26.55, 28.6, 0.05)]
    [InlineData(3.2, 0.7, 4.2, 0.0)]
    public void Derivatives_match_central_differences(double a, double b, double c, double z)
    {
        var gradient = new double[4];
        Hypergeometric.Gauss(a, b, c, z, gradient);
        var point = new[] { a, b, c, z };
        var numeric = new double[4];
        for (var j = 0; j < 4; j++)
        {
            var h = 1e-6 * Math.Max(1, Math.Abs(point[j]));
            var plus = (double[])point.Clone();
            var minus = (double[])point.Clone();
            plus[j] += h;
            minus[j] -= h;
            numeric[j] = (Hypergeometric.Gauss(plus[0], plus[1], plus[2], plus[3]) - Hypergeometric.Gauss(minus[0], minus[1], minus[2], minus[3])) / (2 * h);
        }
        Assert.True(CheckTensor.Check(output, $"d2F1({a}, {b}; {c}; {z})", gradient, numeric, 1e-7));
    }

    [Theory]
    [InlineData(0, 1, 1, 0.5)]
    [InlineData(1, 1, -1, 0.5)]
    [InlineData(1, 1, 2, 1)]
    [InlineData(1, 1, 2, double.NaN)]
    public void Refuses_arguments_outside_the_series(double a, double b, double c, double z) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Hypergeometric.Gauss(a, b, c, z));
}
