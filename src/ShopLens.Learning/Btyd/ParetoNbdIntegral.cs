namespace ShopLens.Learning.Btyd;

/// <summary>
/// The Pareto/NBD likelihood's integral over the moment the customer dropped out, between their last purchase and
/// the end of observation: I = ∫ from t_x to T of (α + τ)^−(r+x) (β + τ)^−(s+1) dτ. FHL's note writes it with Gauss's
/// ₂F₁ (s·I = s/(r+s+x) · A₀ of eq. 22), whose series needs millions of terms when min(α, β) + T is small beside
/// |α − β| (customers who seem never to leave); the integral itself is smooth, so it is summed here by composite
/// 10-point Gauss–Legendre in u = log(m + τ), m = min(α, β). That substitution cancels one power of the nearer
/// singularity, so log of the integrand has slope at most |p − 1| + p′ (p, p′ the two exponents) and panels on which
/// it changes by at most about 3 give full double precision; for frequent buyers the integrand falls fast and the
/// panels stop once the rest cannot matter.
/// </summary>
static class ParetoNbdIntegral
{
    static readonly double[] Nodes =
    [
        -0.9739065285171717, -0.8650633666889845, -0.6794095682990244, -0.4333953941292472, -0.1488743389816312,
        0.1488743389816312, 0.4333953941292472, 0.6794095682990244, 0.8650633666889845, 0.9739065285171717,
    ];

    static readonly double[] Weights =
    [
        0.0666713443086881, 0.1494513491505806, 0.2190863625159820, 0.2692667193099963, 0.2955242247147529,
        0.2955242247147529, 0.2692667193099963, 0.2190863625159820, 0.1494513491505806, 0.0666713443086881,
    ];

    /// <summary>
    /// log I at θ = (r, α, s, β) for a customer with x repeat purchases, the last at <paramref name="recency"/>,
    /// observed for <paramref name="age"/>; −∞ when t_x = T. When <paramref name="gradient"/> is not empty, ∂ log I / ∂θ
    /// is written there (differentiated under the integral, whose limits do not move with θ).
    /// </summary>
    public static double Log(ReadOnlySpan<double> theta, double x, double recency, double age, Span<double> gradient)
    {
        var withGradient = !gradient.IsEmpty;
        if (withGradient) gradient.Clear();
        if (!(recency < age)) return double.NegativeInfinity;
        double r = theta[0], alpha = theta[1], s = theta[2], beta = theta[3];
        double k = r + x, q = s + 1;
        var alphaNearer = alpha <= beta;
        var m = alphaNearer ? alpha : beta;
        var gap = Math.Abs(alpha - beta);
        // In u = log(m + τ), log of the integrand is −(near − 1) u − far · log(gap + eᵘ).
        var near = alphaNearer ? k : q;
        var far = alphaNearer ? q : k;
        double u0 = Math.Log(m + recency), u1 = Math.Log(m + age);
        // Slope −(near − 1) − far · eᵘ/(gap + eᵘ) only steepens along u (by at most far/4 per unit²), so a panel's
        // width comes from the slope at its start and that curvature.
        var curvatureWidth = Math.Sqrt(8 / far);
        var falls = near >= 1;

        double shift = double.NegativeInfinity, sum = 0, dR = 0, dAlpha = 0, dS = 0, dBeta = 0;
        var start = u0;
        while (start < u1)
        {
            var slope = Math.Abs(near - 1 + far * Share(start, gap));
            var end = Math.Min(u1, start + Math.Min(Math.Min(1, 2 / slope), curvatureWidth));
            double mid = 0.5 * (start + end), half = 0.5 * (end - start);
            for (var i = 0; i < Nodes.Length; i++)
            {
                var u = mid + half * Nodes[i];
                var nearPlus = Math.Exp(u);
                var farPlus = gap + nearPlus;
                var logFar = Math.Log(farPlus);
                var logValue = -(near - 1) * u - far * logFar;
                if (logValue > shift)
                {
                    var rescale = Math.Exp(shift - logValue);
                    (sum, dR, dAlpha, dS, dBeta) = (sum * rescale, dR * rescale, dAlpha * rescale, dS * rescale, dBeta * rescale);
                    shift = logValue;
                }
                var weight = half * Weights[i] * Math.Exp(logValue - shift);
                sum += weight;
                if (!withGradient) continue;
                // ∂ log of the τ-integrand: −log(α + τ), −(r + x)/(α + τ), −log(β + τ), −(s + 1)/(β + τ).
                double alphaPlus = alphaNearer ? nearPlus : farPlus, betaPlus = alphaNearer ? farPlus : nearPlus;
                double logAlphaPlus = alphaNearer ? u : logFar, logBetaPlus = alphaNearer ? logFar : u;
                dR -= weight * logAlphaPlus;
                dAlpha -= weight * k / alphaPlus;
                dS -= weight * logBetaPlus;
                dBeta -= weight * q / betaPlus;
            }
            start = end;
            if (falls && start < u1)
            {
                // The integrand falls from here on, so the rest is at most its value here times the length left.
                var logRest = -(near - 1) * start - far * Math.Log(gap + Math.Exp(start)) + Math.Log(u1 - start);
                if (logRest - shift < Math.Log(1e-17 * sum)) break;
            }
        }
        if (withGradient) (gradient[0], gradient[1], gradient[2], gradient[3]) = (dR / sum, dAlpha / sum, dS / sum, dBeta / sum);
        return shift + Math.Log(sum);
    }

    /// <summary>eᵘ / (gap + eᵘ), the far factor's share of the slope.</summary>
    static double Share(double u, double gap) => 1 / (1 + gap * Math.Exp(-u));
}
