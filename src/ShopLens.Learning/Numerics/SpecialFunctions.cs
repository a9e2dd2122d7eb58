namespace ShopLens.Learning.Numerics;

/// <summary>
/// The special functions likelihoods need and .NET lacks: log Γ, digamma and log B. Double precision to ~1e-14
/// relative for positive arguments (Lanczos g = 7, n = 9, as Numerical Recipes 3rd ed. §6.1 and Boost list it).
/// </summary>
public static class SpecialFunctions
{
    static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    const double HalfLogTwoPi = 0.91893853320467274178;

    /// <summary>log Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (!(x > 0)) throw new ArgumentOutOfRangeException(nameof(x), x, "log Γ is defined here for x > 0");
        if (x < 0.5) return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x); // reflection
        x -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++) sum += Lanczos[i] / (x + i);
        var t = x + 7.5;
        return HalfLogTwoPi + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    /// <summary>ψ(x) = d/dx log Γ(x) for x &gt; 0: recurrence up to x ≥ 10, then the asymptotic series.</summary>
    public static double Digamma(double x)
    {
        if (!(x > 0)) throw new ArgumentOutOfRangeException(nameof(x), x, "digamma is defined here for x > 0");
        var result = 0.0;
        while (x < 10)
        {
            result -= 1 / x;
            x += 1;
        }
        var f = 1 / (x * x);
        // Abramowitz & Stegun 6.3.18: ln x − 1/(2x) − Σ B₂ₙ/(2n x²ⁿ)
        var series = f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132 - f * (691.0 / 32760 - f / 12))))));
        return result + Math.Log(x) - 0.5 / x - series;
    }

    /// <summary>log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b).</summary>
    public static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);
}
