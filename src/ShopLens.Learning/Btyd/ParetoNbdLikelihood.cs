using ShopLens.Learning.Numerics;

namespace ShopLens.Learning.Btyd;

/// <summary>
/// One customer's Pareto/NBD log-likelihood and its gradient in (r, α, s, β): Fader, Hardie &amp; Lee (2005), "A Note
/// on Deriving the Pareto/NBD Model and Related Expressions", eq. 22,
/// L = Γ(r + x) αʳ βˢ / Γ(r) · [ (α + T)^−(r+x) (β + T)^−s + s/(r + s + x) · A₀ ], where s/(r + s + x) · A₀ is
/// s times the integral over the dropout moment that <see cref="ParetoNbdIntegral"/> sums (the note's ₂F₁ form of
/// it converges too slowly when nobody seems to leave). The bracket is summed in logs, shifted by its larger term,
/// so nothing overflows for large x or T.
/// </summary>
static class ParetoNbdLikelihood
{
    /// <summary>log Γ(r + x) − log Γ(r) + r log α + s log β: the factor outside the bracket.</summary>
    public static double LogConstant(ReadOnlySpan<double> theta, double x) =>
        SpecialFunctions.LogGamma(theta[0] + x) - SpecialFunctions.LogGamma(theta[0]) + theta[0] * Math.Log(theta[1]) + theta[2] * Math.Log(theta[3]);

    /// <summary>log of the bracket's first term, the customer still alive at T: −(r + x) log(α + T) − s log(β + T).</summary>
    public static double LogAlive(ReadOnlySpan<double> theta, double x, double age) =>
        -(theta[0] + x) * Math.Log(theta[1] + age) - theta[2] * Math.Log(theta[3] + age);

    /// <summary>The log-likelihood of one customer at θ = (r, α, s, β).</summary>
    public static double LogLikelihood(ReadOnlySpan<double> theta, double x, double recency, double age) =>
        LogConstant(theta, x) + LogBracket(theta, x, recency, age, default);

    /// <summary>
    /// log of the bracket of eq. 22, (α + T)^−(r+x) (β + T)^−s + s · I with I the integral of
    /// <see cref="ParetoNbdIntegral"/>, and, when <paramref name="gradient"/> is not empty, its partial derivatives in
    /// (r, α, s, β) written there.
    /// </summary>
    public static double LogBracket(ReadOnlySpan<double> theta, double x, double recency, double age, Span<double> gradient)
    {
        double r = theta[0], alpha = theta[1], s = theta[2], beta = theta[3];
        var withGradient = !gradient.IsEmpty;
        Span<double> dIntegral = stackalloc double[4];
        var logAlive = LogAlive(theta, x, age);
        var logDropped = Math.Log(s) + ParetoNbdIntegral.Log(theta, x, recency, age, withGradient ? dIntegral : default);
        var shift = Math.Max(logAlive, logDropped);
        double alive = Math.Exp(logAlive - shift), dropped = Math.Exp(logDropped - shift);
        var bracket = alive + dropped;
        if (withGradient)
        {
            gradient[0] = (alive * -Math.Log(alpha + age) + dropped * dIntegral[0]) / bracket;
            gradient[1] = (alive * -(r + x) / (alpha + age) + dropped * dIntegral[1]) / bracket;
            gradient[2] = (alive * -Math.Log(beta + age) + dropped * (dIntegral[2] + 1 / s)) / bracket;
            gradient[3] = (alive * -s / (beta + age) + dropped * dIntegral[3]) / bracket;
        }
        return shift + Math.Log(bracket);
    }
}
