using static ShopLens.Learning.Numerics.SpecialFunctions;

namespace ShopLens.Learning.Btyd;

/// <summary>
/// The log-likelihood Σᵢ ℓᵢ of BG/NBD (Fader, Hardie &amp; Lee 2005, eq. 6) or MBG/NBD (Batislam, Denizel &amp; Filiztekin
/// 2007; lifetimes' <c>ModifiedBetaGeoFitter</c>) at θ = (r, α, a, b), with ℓᵢ = A₁ + A₂ + log(e^A₃ + δ e^A₄) in the
/// log-sum-exp form lifetimes and CLVTools use:
/// A₁ = log Γ(r+x) − log Γ(r) + r log α,  A₂ = log B(a, b+x+m) − log B(a, b),  A₃ = −(r+x) log(α+T),
/// A₄ = log a − log(b+x−1+m) − (r+x) log(α+tₓ), where m = 1 and δ = 1 for MBG/NBD (a dropout chance at time 0),
/// m = 0 and δ = [x &gt; 0] for BG/NBD. The gradient is analytic (digamma); A₁ and A₂ depend on x alone, so they are
/// summed once per distinct frequency. <see cref="MaximumLikelihood"/> adds the penalty and the log-parameters.
/// </summary>
internal sealed class BgNbdLikelihood : ILogLikelihood
{
    readonly CustomerHistories _data;
    readonly bool _modified;
    readonly int[] _frequency;
    readonly int[] _customersWithFrequency;

    /// <param name="data">checked histories</param>
    /// <param name="modified">true for MBG/NBD</param>
    public BgNbdLikelihood(CustomerHistories data, bool modified)
    {
        (_data, _modified) = (data, modified);
        _frequency = new int[data.Count];
        var max = 0;
        for (var i = 0; i < data.Count; i++) max = Math.Max(max, _frequency[i] = checked((int)data.Frequency[i]));
        _customersWithFrequency = new int[max + 1];
        foreach (var x in _frequency) _customersWithFrequency[x]++;
    }

    public int Dimension => 4;

    public int Customers => _data.Count;

    /// <summary>
    /// Where the fit starts: r = a = b = 1 and α a tenth of the largest age (as lifetimes rescales ages so that α
    /// starts near 1, this puts α on the data's time scale), then <paramref name="count"/> − 1 more, each log-parameter
    /// moved uniformly within ±1.5 by <paramref name="seed"/>.
    /// </summary>
    public static double[][] Starts(CustomerHistories data, int count, int seed)
    {
        var rng = new Random(seed);
        double[] first = [0, Math.Log(data.Age.Max() / 10), 0, 0];
        var starts = new double[count][];
        for (var s = 0; s < count; s++)
        {
            starts[s] = new double[4];
            for (var j = 0; j < 4; j++) starts[s][j] = Math.Exp(first[j] + (s == 0 ? 0 : 3 * (rng.NextDouble() - 0.5)));
        }
        return starts;
    }

    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        var (r, alpha, a, b) = (theta[0], theta[1], theta[2], theta[3]);
        var m = _modified ? 1 : 0;
        double ll = 0, dr = 0, dAlpha = 0, da = 0, db = 0;
        double logAlpha = Math.Log(alpha), psiR = Digamma(r), psiB = Digamma(b), psiAB = Digamma(a + b);
        double logGammaR = LogGamma(r), logBetaAB = LogBeta(a, b);
        for (var x = 0; x < _customersWithFrequency.Length; x++)
        {
            var count = _customersWithFrequency[x];
            if (count == 0) continue;
            var bx = b + x + m;
            ll += count * (LogGamma(r + x) - logGammaR + r * logAlpha + LogBeta(a, bx) - logBetaAB);
            dr += count * (Digamma(r + x) - psiR + logAlpha);
            dAlpha += count * r / alpha;
            var psiABX = Digamma(a + bx);
            da += count * (psiAB - psiABX);
            db += count * (psiAB + Digamma(bx) - psiB - psiABX);
        }
        for (var i = 0; i < _frequency.Length; i++)
        {
            var x = _frequency[i];
            double tx = _data.Recency[i], t = _data.Age[i], rx = r + x;
            var logAlphaT = Math.Log(alpha + t);
            var a3 = -rx * logAlphaT;
            if (!_modified && x == 0)
            {
                ll += a3;
                dr -= logAlphaT;
                dAlpha -= rx / (alpha + t);
                continue;
            }
            var logAlphaTx = Math.Log(alpha + tx);
            var bx = b + x - 1 + m;
            var a4 = Math.Log(a / bx) - rx * logAlphaTx;
            var top = Math.Max(a3, a4);
            double e3 = Math.Exp(a3 - top), e4 = Math.Exp(a4 - top), sum = e3 + e4;
            ll += top + Math.Log(sum);
            double w3 = e3 / sum, w4 = e4 / sum;
            dr -= w3 * logAlphaT + w4 * logAlphaTx;
            dAlpha -= rx * (w3 / (alpha + t) + w4 / (alpha + tx));
            da += w4 / a;
            db -= w4 / bx;
        }
        (gradient[0], gradient[1], gradient[2], gradient[3]) = (dr, dAlpha, da, db);
        return ll;
    }
}
