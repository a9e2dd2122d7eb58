using ShopLens.Learning.Numerics;

namespace ShopLens.Learning.Btyd;

/// <summary>
/// One customer's Gamma-Gamma log-likelihood of the mean spend z̄ of x purchases and its gradient in (p, q, γ): spends
/// zⱼ ~ Gamma(p, ν), ν ~ Gamma(q, γ), so (Fader &amp; Hardie 2013, "The Gamma-Gamma Model of Monetary Value", eq. 4)
/// f(z̄ | x) = Γ(px + q) / (Γ(px) Γ(q)) · γ^q z̄^(px−1) x^(px) / (γ + x z̄)^(px+q).
/// </summary>
static class GammaGammaLikelihood
{
    /// <summary>log f(z̄ | x) at θ = (p, q, γ), with its gradient written into <paramref name="gradient"/> when not empty.</summary>
    public static double LogLikelihood(ReadOnlySpan<double> theta, double x, double meanValue, Span<double> gradient)
    {
        double p = theta[0], q = theta[1], gamma = theta[2];
        var px = p * x;
        var logZ = Math.Log(meanValue);
        var logPool = Math.Log(gamma + x * meanValue);
        if (!gradient.IsEmpty)
        {
            var digammaAll = SpecialFunctions.Digamma(px + q);
            gradient[0] = x * (digammaAll - SpecialFunctions.Digamma(px) + logZ + Math.Log(x) - logPool);
            gradient[1] = digammaAll - SpecialFunctions.Digamma(q) + Math.Log(gamma) - logPool;
            gradient[2] = q / gamma - (px + q) / (gamma + x * meanValue);
        }
        return SpecialFunctions.LogGamma(px + q) - SpecialFunctions.LogGamma(px) - SpecialFunctions.LogGamma(q)
            + q * Math.Log(gamma) + (px - 1) * logZ + px * Math.Log(x) - (px + q) * logPool;
    }
}
