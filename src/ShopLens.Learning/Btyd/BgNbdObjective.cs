using ShopLens.Learning.Linear;
using static ShopLens.Learning.Numerics.SpecialFunctions;

namespace ShopLens.Learning.Btyd;

/// <summary>
/// The penalised mean negative log-likelihood of BG/NBD (Fader, Hardie &amp; Lee 2005, eq. 6) or MBG/NBD (Batislam,
/// Denizel &amp; Filiztekin 2007; lifetimes' <c>ModifiedBetaGeoFitter</c>) over log-parameters θ = log(r, α, a, b):
/// f(θ) = −(1/N) Σᵢ ℓᵢ + λ Σ p², with ℓᵢ = A₁ + A₂ + log(e^A₃ + δ e^A₄) in the log-sum-exp form lifetimes and CLVTools use:
/// A₁ = log Γ(r+x) − log Γ(r) + r log α,  A₂ = log B(a, b+x+m) − log B(a, b),  A₃ = −(r+x) log(α+T),
/// A₄ = log a − log(b+x−1+m) − (r+x) log(α+tₓ), where m = 1 and δ = 1 for MBG/NBD (a dropout chance at time 0),
/// m = 0 and δ = [x &gt; 0] for BG/NBD. The gradient is analytic (digamma); A₁ and A₂ depend on x alone, so they are
/// summed once per distinct frequency.
/// </summary>
internal sealed class BgNbdObjective : IObjective
{
    readonly CustomerHistories _data;
    readonly bool _modified;
    readonly double _l2;
    readonly int[] _frequency;
    readonly int[] _customersWithFrequency;

    /// <param name="data">checked histories</param>
    /// <param name="modified">true for MBG/NBD</param>
    /// <param name="l2">penalty λ on the squared natural parameters (lifetimes' <c>penalizer_coef</c>)</param>
    public BgNbdObjective(CustomerHistories data, bool modified, double l2)
    {
        (_data, _modified, _l2) = (data, modified, l2);
        _frequency = new int[data.Count];
        var max = 0;
        for (var i = 0; i < data.Count; i++) max = Math.Max(max, _frequency[i] = checked((int)data.Frequency[i]));
        _customersWithFrequency = new int[max + 1];
        foreach (var x in _frequency) _customersWithFrequency[x]++;
    }

    public int Dimension => 4;

    public double Evaluate(ReadOnlySpan<double> point, Span<double> gradient)
    {
        var p = BgNbdParameters.FromLog(point);
        if (!p.IsValid)
        {
            // A line-search trial so far out that a parameter over- or underflows: report it as no better than anything.
            gradient.Clear();
            return double.PositiveInfinity;
        }
        Span<double> natural = stackalloc double[4];
        var ll = LogLikelihood(p, natural);
        var n = (double)_data.Count;
        Span<double> values = stackalloc double[4];
        p.ToArray(values);
        var penalty = 0.0;
        for (var j = 0; j < 4; j++)
        {
            penalty += values[j] * values[j];
            // Chain rule to log-parameters: ∂f/∂θⱼ = pⱼ ∂f/∂pⱼ.
            gradient[j] = values[j] * (-natural[j] / n + 2 * _l2 * values[j]);
        }
        return -ll / n + _l2 * penalty;
    }

    /// <summary>Σᵢ ℓᵢ at <paramref name="p"/>, with its gradient in the natural parameters written to <paramref name="gradient"/>.</summary>
    public double LogLikelihood(BgNbdParameters p, Span<double> gradient)
    {
        var (r, alpha, a, b) = (p.R, p.Alpha, p.A, p.B);
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
