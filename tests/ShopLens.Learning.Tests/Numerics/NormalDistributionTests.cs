using ShopLens.Learning.Numerics;

namespace ShopLens.Learning.Tests.Numerics;

public sealed class NormalDistributionTests
{
    // scipy.stats.norm.ppf / norm.cdf (Debian 12's scipy).
    [Theory]
    [InlineData(1e-10, -6.361340902404056)]
    [InlineData(0.001, -3.090232306167813)]
    [InlineData(0.025, -1.9599639845400545)]
    [InlineData(0.3, -0.5244005127080409)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.8, 0.8416212335729143)]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.999999, 4.753424308817087)]
    public void Quantile_matches_scipy(double p, double expected) => Assert.Equal(expected, NormalDistribution.Quantile(p), 12);

    [Theory]
    [InlineData(-3, 0.0013498980316300933)]
    [InlineData(-0.5, 0.3085375387259869)]
    [InlineData(0, 0.5)]
    [InlineData(1.2, 0.8849303297782918)]
    [InlineData(4, 0.9999683287581669)]
    public void Cdf_matches_scipy(double x, double expected) => Assert.Equal(expected, NormalDistribution.Cdf(x), 14);
}
