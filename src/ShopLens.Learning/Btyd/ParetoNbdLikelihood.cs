using ShopLens.Learning.Numerics;

namespace ShopLens.Learning.Btyd;

/// <summary>
/// One customer's Pareto/NBD log-likelihood and its gradient in (r, α, s, β): Fader, Hardie &amp; Lee (2005), "A Note
/// on Deriving the Pareto/NBD Model and Related Expressions", eq. 22,
/// L = Γ(r + x) αʳ βˢ / Γ(r) · [ (α + T)^−(r+x) (β + T)^−s + s/(r + s + x) · A₀ ],
/// A₀ = F(t_x) − F(T),  F(t) = ₂F₁(r + s + x, b; r + s + x + 1; |α − β| / (m + t)) / (m + t)^(r+s+x),
/// with m = α, b = s + 1 when α ≥ β, else m = β, b = r + x (eq. 23–24), so that z stays in [0, 1).
/// The bracket is summed in logs, shifted by its larger term, so nothing overflows for large x or T.
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
    /// log of the bracket of eq. 22, and, when <paramref name="gradient"/> is not empty, its partial derivatives in
    /// (r, α, s, β) written there.
    /// </summary>
    public static double LogBracket(ReadOnlySpan<double> theta, double x, double recency, double age, Span<double> gradient)
    {
        double r = theta[0], alpha = theta[1], s = theta[2], beta = theta[3];
        var a = r + s + x;
        Span<double> dAlive = stackalloc double[4], dRecent = stackalloc double[4], dAge = stackalloc double[4];
        var withGradient = !gradient.IsEmpty;
        var logAlive = LogAlive(theta, x, age);
        var logRecent = LogF(theta, x, recency, withGradient ? dRecent : default);
        var logAged = LogF(theta, x, age, withGradient ? dAge : default);
        var shift = Math.Max(logAlive, logRecent);
        double alive = Math.Exp(logAlive - shift), recent = Math.Exp(logRecent - shift), aged = Math.Exp(logAged - shift);
        var w = s / a;
        var a0 = recent - aged;
        var bracket = alive + w * a0;
        if (withGradient)
        {
            dAlive[0] = -Math.Log(alpha + age);
            dAlive[1] = -(r + x) / (alpha + age);
            dAlive[2] = -Math.Log(beta + age);
            dAlive[3] = -s / (beta + age);
            for (var j = 0; j < 4; j++) gradient[j] = (alive * dAlive[j] + w * (recent * dRecent[j] - aged * dAge[j])) / bracket;
            // ∂w/∂r = −s/a², ∂w/∂s = (r + x)/a²
            gradient[0] += -s / (a * a) * a0 / bracket;
            gradient[2] += (r + x) / (a * a) * a0 / bracket;
        }
        return shift + Math.Log(bracket);
    }

    /// <summary>log F(t) of eq. 23–24 and, when asked, its gradient in (r, α, s, β).</summary>
    static double LogF(ReadOnlySpan<double> theta, double x, double t, Span<double> gradient)
    {
        double r = theta[0], alpha = theta[1], s = theta[2], beta = theta[3];
        var alphaLarger = alpha >= beta;
        var m = alphaLarger ? alpha : beta;
        var a = r + s + x;
        var b = alphaLarger ? s + 1 : r + x;
        var z = Math.Abs(alpha - beta) / (m + t);
        var logMt = Math.Log(m + t);
        if (gradient.IsEmpty) return Math.Log(Hypergeometric.Gauss(a, b, a + 1, z)) - a * logMt;
        Span<double> dh = stackalloc double[4];
        var h = Hypergeometric.Gauss(a, b, a + 1, z, dh);
        double ga = dh[0] / h, gb = dh[1] / h, gc = dh[2] / h, gz = dh[3] / h;
        // a and c = a + 1 move with r and s; b with s (α ≥ β) or r (α < β); z and m + t with α and β.
        gradient[0] = ga + gc - logMt + (alphaLarger ? 0 : gb);
        gradient[2] = ga + gc - logMt + (alphaLarger ? gb : 0);
        var dzDm = (t + Math.Min(alpha, beta)) / ((m + t) * (m + t));
        var dzDother = -1 / (m + t);
        gradient[alphaLarger ? 1 : 3] = gz * dzDm - a / (m + t);
        gradient[alphaLarger ? 3 : 1] = gz * dzDother;
        return Math.Log(h) - a * logMt;
    }
}
