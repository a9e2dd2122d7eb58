using System.Text;
using ShopLens.Learning.Numerics;
using ShopLens.Learning.Supervised;

namespace ShopLens.Learning.ValueModels;

/// <summary>
/// A fitted zero-inflated lognormal: per row the probability of a positive value p, and the lognormal (μ, σ) of the
/// value when positive; the expected value p·exp(μ + σ²/2), and quantiles of the mixture for intervals.
/// </summary>
public sealed class ZilnModel : ISupervisedModel
{
    const string Magic = "SLZILN";
    const int FormatVersion = 1;

    readonly double[] _mean;
    readonly double[] _scale;
    readonly double[] _weights;

    internal ZilnModel(double[] mean, double[] scale, double[] weights, int iterations, double finalLoss, bool converged) =>
        (_mean, _scale, _weights, Iterations, FinalLoss, Converged) = (mean, scale, weights, iterations, finalLoss, converged);

    public int Columns => _mean.Length;

    public int Iterations { get; }

    /// <summary>The penalised negative log-likelihood at the end of the fit.</summary>
    public double FinalLoss { get; }

    /// <summary>Whether L-BFGS met its gradient tolerance (or could not lower the loss any further).</summary>
    public bool Converged { get; }

    /// <summary>Per row: p (probability of a positive value), μ and σ of its lognormal.</summary>
    public (double[] P, double[] Mu, double[] Sigma) Parameters(float[] features)
    {
        FeatureRows.Check(features, Columns, "ZILN input", allowMissing: false);
        var rows = features.Length / Columns;
        var (p, mu, sigma) = (new double[rows], new double[rows], new double[rows]);
        var k = Columns + 1;
        for (var i = 0; i < rows; i++)
        {
            double z = _weights[0], m = _weights[k], s = _weights[2 * k];
            for (var j = 0; j < Columns; j++)
            {
                var v = (features[i * Columns + j] - _mean[j]) * _scale[j];
                z += _weights[j + 1] * v;
                m += _weights[k + j + 1] * v;
                s += _weights[2 * k + j + 1] * v;
            }
            (p[i], mu[i], sigma[i]) = (ZilnObjective.Sigmoid(z), m, ZilnObjective.Sigma(s));
        }
        return (p, mu, sigma);
    }

    /// <summary>The expected value per row: p·exp(μ + σ²/2).</summary>
    public double[] Predict(float[] features)
    {
        var (p, mu, sigma) = Parameters(features);
        var result = new double[p.Length];
        for (var i = 0; i < p.Length; i++) result[i] = p[i] * Math.Exp(mu[i] + 0.5 * sigma[i] * sigma[i]);
        return result;
    }

    /// <summary>The <paramref name="q"/>-quantile of each row's value: 0 while q ≤ 1 − p, else exp(μ + σ·Φ⁻¹((q − 1 + p)/p)).</summary>
    public double[] Quantile(float[] features, double q)
    {
        if (!(q > 0 && q < 1)) throw new ArgumentOutOfRangeException(nameof(q), q, "a probability strictly between 0 and 1");
        var (p, mu, sigma) = Parameters(features);
        var result = new double[p.Length];
        for (var i = 0; i < p.Length; i++)
            result[i] = q <= 1 - p[i] ? 0 : Math.Exp(mu[i] + sigma[i] * NormalDistribution.Quantile(Math.Min((q - 1 + p[i]) / p[i], 1 - 1e-16)));
        return result;
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Columns);
        foreach (var v in _mean.Concat(_scale).Concat(_weights)) writer.Write(v);
        writer.Write(Iterations);
        writer.Write(FinalLoss);
        writer.Write(Converged);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static ZilnModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadString() != Magic) throw new InvalidDataException("not a ShopLens ZILN model");
        var version = reader.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"ZILN model format {version}; this build reads {FormatVersion}");
        var columns = reader.ReadInt32();
        double[] Read(int n) => [.. Enumerable.Range(0, n).Select(_ => reader.ReadDouble())];
        var (mean, scale, weights) = (Read(columns), Read(columns), Read(3 * (columns + 1)));
        return new ZilnModel(mean, scale, weights, reader.ReadInt32(), reader.ReadDouble(), reader.ReadBoolean());
    }
}
