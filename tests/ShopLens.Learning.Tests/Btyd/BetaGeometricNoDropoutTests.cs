using ShopLens.Learning.Btyd;

namespace ShopLens.Learning.Tests.Btyd;

/// <summary>
/// BG/NBD and MBG/NBD where hardly anyone drops out (a → 0, b in the tens of thousands, as fits on wholesale data
/// come out): the ₂F₁ of the conditional expectation must still sum in a few terms and agree with mpmath.
/// </summary>
[Trait("Issue", "5")]
public sealed class BetaGeometricNoDropoutTests
{
    static MaximumLikelihoodFit Given => new(true, 0, double.NaN, 0, Array.AsReadOnly(new double[4]), "given");

    // mpmath 1.2.1 at 40 digits: (a+b+x−1+m)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · hyp2f1(r+x, b+x+m; a+b+x−1+m; t/(α+T+t))]
    // · P(alive), m = 1 for MBG/NBD.
    [Theory]
    [InlineData(false, 0.7444, 9.0481, 1e-4, 28000, 23, 40, 20, 25, 27.523385834879606)]
    [InlineData(true, 0.7444, 9.0481, 1e-4, 199000, 23, 40, 20, 25, 27.523441517411507)]
    [InlineData(true, 0.7444, 9.0481, 1e-4, 199000, 23, 0, 0, 25, 0.50285331551122158)]
    [InlineData(false, 0.5, 3, 0.3, 5e4, 50, 300, 70, 72, 196.27063741023125)]
    public void Conditional_expectation_matches_mpmath(bool modified, double r, double alpha, double a, double b, double horizon, double x, double recency, double age, double expected)
    {
        var parameters = new BgNbdParameters(r, alpha, a, b);
        BetaGeometricModel model = modified ? new MbgNbdModel(parameters, Given) : new BgNbdModel(parameters, Given);
        // The bracket 1 − (1 − z)^(r+x) ₂F₁ is of order 1/b here and multiplied by ~b, so rounding in it is magnified b-fold.
        Assert.Equal(expected, model.ConditionalExpectedPurchases(horizon, x, recency, age), 1e-9 * expected);
    }
}
