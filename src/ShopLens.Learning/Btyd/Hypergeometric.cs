namespace ShopLens.Learning.Btyd;

/// <summary>
/// The Gauss hypergeometric function ₂F₁(a, b; c; z) = Σₙ (a)ₙ (b)ₙ / (c)ₙ · zⁿ / n! by its power series, for
/// a, b, c &gt; 0 and |z| &lt; 1 (Abramowitz &amp; Stegun 15.1.1). The Pareto/NBD likelihood only needs z in [0, 1):
/// Fader, Hardie &amp; Lee's note picks the form of its integral (α ≥ β or α &lt; β) that keeps z there.
/// </summary>
public static class Hypergeometric
{
    const int MaxTerms = 1_000_000;

    /// <summary>₂F₁(a, b; c; z); NaN when the series has not converged in a million terms (|z| within about 1e-5 of 1).</summary>
    public static double Gauss(double a, double b, double c, double z)
    {
        Check(a, b, c, z);
        return Series(a, b, c, z, default);
    }

    /// <summary>
    /// ₂F₁ and its partial derivatives ∂/∂a, ∂/∂b, ∂/∂c, ∂/∂z written into <paramref name="gradient"/>, from the same
    /// series differentiated term by term: ∂ log tₙ/∂a = Σₖ₌₀ⁿ⁻¹ 1/(a + k) (likewise b, and minus for c), and
    /// ∂tₙ/∂z = n tₙ / z = tₙ₋₁ (a + n − 1)(b + n − 1) / (c + n − 1).
    /// </summary>
    internal static double Gauss(double a, double b, double c, double z, Span<double> gradient)
    {
        Check(a, b, c, z);
        if (gradient.Length != 4) throw new ArgumentException("the gradient of ₂F₁ has four entries (a, b, c, z)", nameof(gradient));
        return Series(a, b, c, z, gradient);
    }

    static void Check(double a, double b, double c, double z)
    {
        if (!(a > 0) || !(b > 0) || !(c > 0) || !(Math.Abs(z) < 1))
            throw new ArgumentOutOfRangeException(nameof(z), $"₂F₁({a}, {b}; {c}; {z}) needs a, b, c > 0 and |z| < 1");
    }

    static double Series(double a, double b, double c, double z, Span<double> gradient)
    {
        var withGradient = !gradient.IsEmpty;
        double term = 1, sum = 1, sumA = 0, sumB = 0, sumC = 0, sumZ = 0;
        double logA = 0, logB = 0, logC = 0;
        for (var n = 0; n < MaxTerms; n++)
        {
            var ratio = (a + n) * (b + n) / ((c + n) * (n + 1));
            if (withGradient)
            {
                sumZ += term * ratio * (n + 1);
                logA += 1 / (a + n);
                logB += 1 / (b + n);
                logC -= 1 / (c + n);
            }
            term *= ratio * z;
            sum += term;
            if (withGradient)
            {
                sumA += term * logA;
                sumB += term * logB;
                sumC += term * logC;
            }
            // ratio − 1 = (ab − c + m(a + b − c − 1)) / ((c + m)(m + 1)), so every later ratio is at most the bound u
            // below; once ρ = u|z| < 1 the rest of the series (and of its derivatives, within the factor n + the log
            // sums) is at most |term| ρ / (1 − ρ).
            var bound = 1 + Math.Max(0, a * b - c) / ((c + n) * (n + 1)) + Math.Max(0, a + b - c - 1) / (c + n);
            var rho = bound * Math.Abs(z);
            var weight = withGradient ? n + 2 + Math.Max(logA, Math.Max(logB, -logC)) : 1;
            if (rho < 1 && Math.Abs(term) * weight * rho / (1 - rho) <= 1e-17 * Math.Abs(sum))
            {
                if (withGradient) (gradient[0], gradient[1], gradient[2], gradient[3]) = (sumA, sumB, sumC, sumZ);
                return sum;
            }
        }
        if (withGradient) gradient.Fill(double.NaN);
        return double.NaN;
    }
}
