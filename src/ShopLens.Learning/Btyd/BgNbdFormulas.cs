using static ShopLens.Learning.Numerics.SpecialFunctions;

namespace ShopLens.Learning.Btyd;

/// <summary>
/// Per-customer quantities of BG/NBD (Fader, Hardie &amp; Lee 2005) and MBG/NBD (Batislam et al. 2007, as lifetimes'
/// <c>ModifiedBetaGeoFitter</c>). MBG/NBD adds a dropout chance at time 0, which in every formula shifts b to b + 1
/// where the customer must have survived one more opportunity (<c>m</c> = 1), and keeps the dropout term for x = 0.
/// </summary>
internal static class BgNbdFormulas
{
    /// <summary>P(alive at T | x, tₓ, T) (FHL 2005 eq. 11; Batislam et al. 2007).</summary>
    public static double ProbabilityAlive(BgNbdParameters p, bool modified, double x, double tx, double t)
    {
        if (!modified && x == 0) return 1;
        var m = modified ? 1 : 0;
        var odds = p.A / (p.B + x - 1 + m) * Math.Exp((p.R + x) * (Math.Log(p.Alpha + t) - Math.Log(p.Alpha + tx)));
        return 1 / (1 + odds);
    }

    /// <summary>
    /// E[X(t)] for a new customer (FHL 2005 eq. 7): (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))]; MBG/NBD:
    /// b/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b+1; a+b; t/(α+t))].
    /// </summary>
    public static double ExpectedPurchases(BgNbdParameters p, bool modified, double t)
    {
        var (r, alpha, a, b) = (p.R, p.Alpha, p.A, p.B);
        var m = modified ? 1 : 0;
        var factor = (modified ? b : a + b - 1) / (a - 1);
        var weighted = BgNbdHypergeometric.Weighted(r, 0, a, b, m, t / (alpha + t), Math.Log(alpha) - Math.Log(alpha + t));
        return factor * (1 - weighted);
    }

    /// <summary>
    /// E[Y(t) | x, tₓ, T] (FHL 2005 eq. 10): (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
    /// · P(alive); MBG/NBD has b + 1 for b in the first two factors.
    /// </summary>
    public static double ConditionalExpectedPurchases(BgNbdParameters p, bool modified, double t, double x, double tx, double age)
    {
        var (r, alpha, a, b) = (p.R, p.Alpha, p.A, p.B);
        var m = modified ? 1 : 0;
        var weighted = BgNbdHypergeometric.Weighted(r, x, a, b, m, t / (alpha + age + t), Math.Log(alpha + age) - Math.Log(alpha + age + t));
        return (a + b + x - 1 + m) / (a - 1) * (1 - weighted) * ProbabilityAlive(p, modified, x, tx, age);
    }

    /// <summary>
    /// P(X(t) = n) (FHL 2005 eq. 8): B(a, b+n)/B(a, b) · NB(n; r, α/(α+t)) + [n &gt; 0] B(a+1, b+n−1)/B(a, b) · P(NB ≥ n);
    /// MBG/NBD shifts b to b + 1 in both Beta functions and keeps the second term at n = 0 (a dropout at time 0).
    /// </summary>
    public static double ProbabilityOfPurchases(BgNbdParameters p, bool modified, int n, double t)
    {
        if (t == 0) return n == 0 ? 1 : 0;
        var (r, alpha, a, b) = (p.R, p.Alpha, p.A, p.B);
        var m = modified ? 1 : 0;
        double logStay = Math.Log(alpha) - Math.Log(alpha + t), logGo = Math.Log(t) - Math.Log(alpha + t);
        var logBetaAB = LogBeta(a, b);
        var result = Math.Exp(LogBeta(a, b + n + m) - logBetaAB + LogNegativeBinomial(r, n, logStay, logGo));
        if (n == 0 && !modified) return result;
        var below = 0.0;
        for (var j = 0; j < n; j++) below += Math.Exp(LogNegativeBinomial(r, j, logStay, logGo));
        return result + Math.Exp(LogBeta(a + 1, b + n - 1 + m) - logBetaAB) * (1 - below);
    }

    /// <summary>log of Γ(r+j)/(Γ(r) j!) · (α/(α+t))^r (t/(α+t))^j, the Poisson–Gamma count at j.</summary>
    static double LogNegativeBinomial(double r, int j, double logStay, double logGo) =>
        LogGamma(r + j) - LogGamma(r) - LogGamma(j + 1.0) + r * logStay + (j == 0 ? 0 : j * logGo);

    /// <summary>
    /// P(at least one purchase in (T, T + h] | x, tₓ, T): an alive customer drops out only right after a purchase, so the
    /// first one comes at rate λ, whose posterior given survival is Gamma(r + x, α + T): P(alive) · (1 − ((α+T)/(α+T+h))^(r+x)).
    /// </summary>
    public static double ProbabilityOfAtLeastOnePurchase(BgNbdParameters p, bool modified, double horizon, double x, double tx, double t)
    {
        var u = (p.R + x) * (Math.Log(p.Alpha + t) - Math.Log(p.Alpha + t + horizon));
        return ProbabilityAlive(p, modified, x, tx, t) * -ExpMinusOne(u);
    }

    /// <summary>eᵘ − 1 without the cancellation of the plain form for small |u| (short horizons).</summary>
    static double ExpMinusOne(double u) => Math.Abs(u) < 1e-5 ? u * (1 + u * (0.5 + u / 6)) : Math.Exp(u) - 1;
}
