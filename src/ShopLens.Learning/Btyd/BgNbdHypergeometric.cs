namespace ShopLens.Learning.Btyd;

/// <summary>
/// The Gauss hypergeometric function as BG/NBD's expectations use it, always weighted by a power of (1 − z) that keeps
/// the product bounded: (1 − z)^power · ₂F₁(a, b; c; z) for 0 ≤ z &lt; 1 and c &gt; 0.
/// </summary>
internal static class BgNbdHypergeometric
{
    const int MaxTerms = 10_000_000;

    /// <summary>
    /// When c − a − b &lt; 0 the plain series' terms grow like k^(a+b−c−1) zᵏ (and overflow for frequent buyers), so
    /// Euler's transformation ₂F₁(a, b; c; z) = (1 − z)^(c−a−b) ₂F₁(c−a, c−b; c; z) (Abramowitz &amp; Stegun 15.3.3) is
    /// summed instead; either way the terms then decay at least like zᵏ/k. <c>log1mz</c> is log(1 − z), which callers
    /// have exactly (log α − log(α + t)).
    /// </summary>
    /// <exception cref="ArithmeticException">the series did not converge (z within about 1e-7 of 1)</exception>
    public static double Weighted(double power, double a, double b, double c, double z, double log1mz)
    {
        if (z == 0) return 1;
        var excess = c - a - b;
        return excess < 0
            ? Math.Exp((power + excess) * log1mz) * Series(c - a, c - b, c, z)
            : Math.Exp(power * log1mz) * Series(a, b, c, z);
    }

    /// <summary>Σₖ (a)ₖ(b)ₖ / ((c)ₖ k!) zᵏ, stopped when the geometric bound on the tail is below rounding.</summary>
    static double Series(double a, double b, double c, double z)
    {
        double term = 1, sum = 1;
        for (var k = 0; k < MaxTerms; k++)
        {
            var ratio = (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            term *= ratio;
            sum += term;
            if (term == 0) return sum;
            // Here a + b ≤ c, so past the first |a| + |b| terms the ratio of successive terms rises towards z without
            // passing it: the tail is at most |term| · ρ / (1 − ρ) with ρ = max(|ratio|, z).
            var rho = Math.Max(Math.Abs(ratio), z);
            var bound = rho < 1 && k > Math.Abs(a) + Math.Abs(b) ? Math.Abs(term) * rho / (1 - rho) : double.PositiveInfinity;
            if (bound <= 1e-17 * Math.Abs(sum)) return sum;
        }
        throw new ArithmeticException($"₂F₁({a}, {b}; {c}; {z}) did not converge in {MaxTerms} terms");
    }
}
