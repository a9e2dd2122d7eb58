using System.Text;

namespace ShopLens.Learning.Btyd;

/// <summary>
/// A fitted Gamma-Gamma spend model: each purchase's value is Gamma(p, ν), the customer's ν is Gamma(q, γ) across
/// customers; gives a customer's expected purchase value given the mean z̄ of their x repeat purchases.
/// </summary>
public sealed class GammaGammaModel
{
    const string Magic = "SLGAMGAM";
    const int FormatVersion = 1;

    internal GammaGammaModel(double p, double q, double gamma, GammaGammaFit fit) => (P, Q, Gamma, Fit) = (p, q, gamma, fit);

    /// <summary>Shape of every purchase's value distribution.</summary>
    public double P { get; }

    /// <summary>Shape of the gamma over customers' ν.</summary>
    public double Q { get; }

    /// <summary>Rate γ of the gamma over customers' ν (lifetimes' v), in value units.</summary>
    public double Gamma { get; }

    public GammaGammaFit Fit { get; }

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
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Encoding.ASCII.GetBytes(Magic));
        w.Write(FormatVersion);
        w.Write(P);
        w.Write(Q);
        w.Write(Gamma);
        w.Write(Fit.Converged);
        w.Write(Fit.Iterations);
        w.Write(Fit.LogLikelihood);
        w.Write(Fit.Customers);
        foreach (var v in Fit.StandardErrors) w.Write(v);
        w.Write(Fit.Message);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">the stream does not hold a Gamma-Gamma model</exception>
    public static GammaGammaModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (Encoding.ASCII.GetString(r.ReadBytes(Magic.Length)) != Magic) throw new InvalidDataException("not a ShopLens Gamma-Gamma model");
            var version = r.ReadInt32();
            if (version != FormatVersion) throw new InvalidDataException($"Gamma-Gamma model format {version}; this version reads {FormatVersion}");
            var theta = new double[3];
            for (var j = 0; j < 3; j++)
                if (!((theta[j] = r.ReadDouble()) > 0) || double.IsInfinity(theta[j])) throw new InvalidDataException($"Gamma-Gamma parameter {j} is {theta[j]}");
            bool converged = r.ReadBoolean();
            int iterations = r.ReadInt32();
            double logLikelihood = r.ReadDouble();
            int customers = r.ReadInt32();
            var errors = new double[3];
            for (var j = 0; j < 3; j++) errors[j] = r.ReadDouble();
            var fit = new GammaGammaFit(converged, iterations, logLikelihood, customers, Array.AsReadOnly(errors), r.ReadString());
            return new GammaGammaModel(theta[0], theta[1], theta[2], fit);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("the Gamma-Gamma model is cut short", e);
        }
    }
}
