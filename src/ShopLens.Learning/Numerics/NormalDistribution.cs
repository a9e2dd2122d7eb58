namespace ShopLens.Learning.Numerics;

/// <summary>The standard normal distribution's quantile function.</summary>
public static class NormalDistribution
{
    /// <summary>
    /// Φ⁻¹(p) for p in (0, 1): Acklam's rational approximation (relative error below 1.15e-9) refined by one Halley
    /// step on erfc, which brings it to double precision.
    /// </summary>
    public static double Quantile(double p)
    {
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "a probability strictly between 0 and 1");
        // Φ(x) near 1 has no digits left to refine against; 1 − p is exact for p ≥ ½ (Sterbenz), so use the symmetry.
        if (p > 0.5) return -Quantile(1 - p);
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        double x;
        if (p < 0.02425)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        else
        {
            var q = p - 0.5;
            var r = q * q;
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        }
        var e = 0.5 * Erfc(-x / Math.Sqrt(2)) - p;
        var u = e * Math.Sqrt(2 * Math.PI) * Math.Exp(x * x / 2);
        return x - u / (1 + x * u / 2);
    }

    /// <summary>Φ(x), the standard normal CDF.</summary>
    public static double Cdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    /// <summary>erfc by Numerical Recipes' Chebyshev fit (erfccheb, fractional error below 1.2e-7 → refined by Halley above).</summary>
    static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 2 / (2 + z);
        var ty = 4 * t - 2;
        double[] cof = [-1.3026537197817094, 6.4196979235649026e-1, 1.9476473204185836e-2, -9.561514786808631e-3, -9.46595344482036e-4,
            3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5, -1.624290004647e-6, 1.303655835580e-6, 1.5626441722e-8,
            -8.5238095915e-8, 6.529054439e-9, 5.059343495e-9, -9.91364156e-10, -2.27365122e-10, 9.6467911e-11, 2.394038e-12,
            -6.886027e-12, 8.94487e-13, 3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15, -1.523e-15, -9.4e-17, 1.21e-16, -2.8e-17];
        double d = 0, dd = 0;
        for (var j = cof.Length - 1; j > 0; j--)
        {
            var tmp = d;
            d = ty * d - dd + cof[j];
            dd = tmp;
        }
        var result = t * Math.Exp(-z * z + 0.5 * (cof[0] + ty * d) - dd);
        return x >= 0 ? result : 2 - result;
    }
}
