namespace ShopLens.Learning.Btyd;

/// <summary>
/// The Gauss hypergeometric function as BG/NBD's expectations use it, weighted by the power of (1 − z) that keeps the
/// product bounded: (1 − z)^(r+x) · ₂F₁(r + x, b + x + m; a + b + x − 1 + m; z) for 0 ≤ z &lt; 1, where m = 1 for
/// MBG/NBD. Taking the model's parameters rather than ₂F₁'s lets the transformed parameters below be formed without
/// cancellation: when hardly anyone drops out (a → 0, b ~ 10⁵) c − b = a − 1 computed from c and b would keep only
/// six digits of a, and the expectations depend on exactly those.
/// </summary>
internal static class BgNbdHypergeometric
{
    const int MaxTerms = 10_000_000;

    /// <summary>
    /// When c − a − b = a − 1 − r − x (in ₂F₁'s letters on the left) is negative, the plain series' terms grow like
    /// k^(r+x−a)·zᵏ (and overflow for frequent buyers), so Euler's transformation ₂F₁(a, b; c; z) = (1 − z)^(c−a−b)
    /// ₂F₁(c−a, c−b; c; z) (Abramowitz &amp; Stegun 15.3.3) is summed instead, whose weight is then (1 − z)^(a−1); either
    /// way the terms then decay at least like zᵏ/k. <c>log1mz</c> is log(1 − z), which callers have exactly.
    /// </summary>
    /// <exception cref="ArithmeticException">the series did not converge (z within about 1e-7 of 1)</exception>
    public static double Weighted(double r, double x, double a, double b, int m, double z, double log1mz)
    {
        if (z == 0) return 1;
        var c = a + b + x - 1 + m;
        return a - 1 < r + x
            ? Math.Exp((a - 1) * log1mz) * Series(a + b - 1 + m - r, a - 1, c, z)
            : Math.Exp((r + x) * log1mz) * Series(r + x, b + x + m, c, z);
    }

    /// <summary>Σₖ (a)ₖ(b)ₖ / ((c)ₖ k!) zᵏ, stopped when the geometric bound on the tail is below rounding.</summary>
    static double Series(double a, double b, double c, double z)
    {
        double term = 1, sum = 1;
        var excessOverC = Math.Max(0, a * b - c);
        for (var k = 0; k < MaxTerms; k++)
        {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
            if (term == 0) return sum;
            // The next ratio, (a + j)(b + j) / ((c + j)(j + 1)) · z with j = k + 1, is z · (1 + (ab − c + j(a + b − c − 1))
            // / ((c + j)(j + 1))); here a + b ≤ c, so it and every later one is at most ρ = z · (1 + max(0, ab − c) /
            // ((c + j)(j + 1))), and none is negative once a + j and b + j are not: the tail is at most |term| ρ / (1 − ρ).
            var j = k + 1;
            if (a + j < 0 || b + j < 0) continue;
            var rho = z * (1 + excessOverC / ((c + j) * (j + 1.0)));
            if (rho < 1 && Math.Abs(term) * rho / (1 - rho) <= 1e-17 * Math.Abs(sum)) return sum;
        }
        throw new ArithmeticException($"₂F₁({a}, {b}; {c}; {z}) did not converge in {MaxTerms} terms");
    }
}
