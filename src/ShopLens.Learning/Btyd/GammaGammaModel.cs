namespace ShopLens.Learning.Btyd;

/// <summary>
/// A fitted Gamma-Gamma spend model: each purchase's value is Gamma(p, ν), the customer's ν is Gamma(q, γ) across
/// customers; gives a customer's expected purchase value given the mean z̄ of their x repeat purchases.
/// </summary>
public sealed class GammaGammaModel
{
    const string Magic = "SLGAMGAM";

    internal GammaGammaModel(double p, double q, double gamma, MaximumLikelihoodFit fit) => (P, Q, Gamma, Fit) = (p, q, gamma, fit);

    /// <summary>Shape of every purchase's value distribution.</summary>
    public double P { get; }

    /// <summary>Shape of the gamma over customers' ν.</summary>
    public double Q { get; }

    /// <summary>Rate γ of the gamma over customers' ν (lifetimes' v), in value units.</summary>
    public double Gamma { get; }

    public MaximumLikelihoodFit Fit { get; }

    /// <summary>The population mean purchase value E[M] = pγ / (q − 1); infinite when q ≤ 1.</summary>
    public double MeanSpend => Q > 1 ? P * Gamma / (Q - 1) : double.PositiveInfinity;

    /// <summary>
    /// E[M | x, z̄] = (γ + x z̄) p / (px + q − 1) (Fader &amp; Hardie 2013, eq. 5: a weighted mean of the population mean
    /// and z̄, the weight on z̄ growing with x); with x = 0 it is <see cref="MeanSpend"/>.
    /// </summary>
    public double ConditionalExpectedSpend(double x, double meanValue)
    {
        if (!(x >= 0) || double.IsInfinity(x)) throw new LearnerInputException($"a frequency is a finite number ≥ 0 (got {x})");
        if (x > 0 && (!(meanValue >= 0) || double.IsInfinity(meanValue))) throw new LearnerInputException($"a mean value is a finite number ≥ 0 (got {meanValue})");
        if (x == 0) return MeanSpend;
        var denominator = P * x + Q - 1;
        return denominator > 0 ? (Gamma + x * meanValue) * P / denominator : double.PositiveInfinity;
    }

    /// <summary><see cref="ConditionalExpectedSpend(double, double)"/> of every customer.</summary>
    public double[] ConditionalExpectedSpend(SpendHistories spend)
    {
        ArgumentNullException.ThrowIfNull(spend);
        spend.Check("Gamma-Gamma spend histories");
        var result = new double[spend.Count];
        for (var i = 0; i < result.Length; i++) result[i] = ConditionalExpectedSpend(spend.Frequency[i], spend.MeanValue[i]);
        return result;
    }

    /// <summary>log f(z̄ | x) of one customer with x &gt; 0 (Fader &amp; Hardie 2013, eq. 4).</summary>
    public double LogLikelihood(double x, double meanValue)
    {
        if (!(x > 0) || double.IsInfinity(x) || !(meanValue > 0) || double.IsInfinity(meanValue))
            throw new LearnerInputException($"the spend likelihood needs x > 0 and z̄ > 0, both finite (got x = {x}, z̄ = {meanValue})");
        return GammaGammaLikelihood.LogLikelihood([P, Q, Gamma], x, meanValue, default);
    }

    /// <summary>Writes the model (little-endian binary: parameters, then the fit report).</summary>
    public void Save(Stream stream) => Fit.Write(stream, Magic, [P, Q, Gamma]);

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">the stream does not hold a Gamma-Gamma model</exception>
    public static GammaGammaModel Load(Stream stream)
    {
        var (theta, fit) = MaximumLikelihoodFit.Read(stream, Magic, "Gamma-Gamma", 3);
        return new GammaGammaModel(theta[0], theta[1], theta[2], fit);
    }
}
