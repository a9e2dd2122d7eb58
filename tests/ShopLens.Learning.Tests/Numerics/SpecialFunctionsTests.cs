using ShopLens.Learning.Numerics;

namespace ShopLens.Learning.Tests.Numerics;

public sealed class SpecialFunctionsTests
{
    // scipy.special.gammaln / digamma (Debian 12's scipy) at the same points.
    [Theory]
    [InlineData(0.5, 0.5723649429247001)]
    [InlineData(1.0, 0.0)]
    [InlineData(2.0, 0.0)]
    [InlineData(0.243, 1.3180435846996699)]
    [InlineData(4.414, 2.3352200522018904)]
    [InlineData(10.5, 13.940625219403763)]
    [InlineData(171.3, 708.1149470389971)]
    [InlineData(1e-8, 18.420680738180209)]
    public void LogGamma_matches_scipy(double x, double expected) =>
        Assert.Equal(expected, SpecialFunctions.LogGamma(x), Math.Max(1e-13, Math.Abs(expected) * 1e-13));

    [Theory]
    [InlineData(1.0, -0.5772156649015329)]
    [InlineData(0.5, -1.9635100260214235)]
    [InlineData(0.243, -4.351093864423211)]
    [InlineData(4.414, 1.367249664207545)]
    [InlineData(30.0, 3.384438132685525)]
    public void Digamma_matches_scipy(double x, double expected) =>
        Assert.Equal(expected, SpecialFunctions.Digamma(x), 12);

    [Fact]
    public void Digamma_is_the_derivative_of_log_gamma()
    {
        foreach (var x in new[] { 0.07, 0.9, 3.3, 12.0, 250.0 })
        {
            const double h = 1e-5;
            var numeric = (SpecialFunctions.LogGamma(x + h) - SpecialFunctions.LogGamma(x - h)) / (2 * h);
            Assert.Equal(numeric, SpecialFunctions.Digamma(x), 6);
        }
    }

    [Fact]
    public void LogBeta_of_one_and_b_is_minus_log_b() => Assert.Equal(-Math.Log(7.5), SpecialFunctions.LogBeta(1, 7.5), 13);
}
