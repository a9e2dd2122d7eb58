using System.Collections.ObjectModel;
using System.Text;
using ShopLens.Learning.Supervised;

namespace ShopLens.Learning.Linear;

/// <summary>
/// A fitted logistic regression: the probability of class 1 is σ(z), with log-odds
/// z = <see cref="Bias"/> + Σⱼ βⱼ (xⱼ − meanⱼ) / stdⱼ = <see cref="Intercept"/> + Σⱼ <see cref="Coefficients"/>ⱼ xⱼ
/// (mean 0 and std 1 when the model was not standardised; a zero-variance column always contributes 0).
/// </summary>
public sealed class LogisticRegressionModel : ISupervisedModel
{
    const string Magic = "SLLOGREG";
    const int FormatVersion = 1;
    const string What = "logistic regression scoring rows";

    readonly double[] _standardized;
    readonly double[] _centre, _inverseScale;
    readonly double[] _raw;

    internal LogisticRegressionModel(double[] standardized, double bias, ColumnScaling scaling, int iterations, double finalLoss)
    {
        (_standardized, Bias, _centre, _inverseScale, Iterations, FinalLoss) =
            (standardized, bias, scaling.Centre, scaling.InverseScale, iterations, finalLoss);
        _raw = new double[standardized.Length];
        var intercept = bias;
        for (var j = 0; j < _raw.Length; j++)
        {
            _raw[j] = standardized[j] * _inverseScale[j];
            intercept -= _raw[j] * _centre[j];
        }
        Intercept = intercept;
        Coefficients = Array.AsReadOnly(_raw);
        StandardizedCoefficients = Array.AsReadOnly(standardized);
    }

    public int Columns => _raw.Length;

    /// <summary>The log-odds change per unit of each raw feature.</summary>
    public ReadOnlyCollection<double> Coefficients { get; }

    /// <summary>The log-odds of a row of zeros on the raw scale.</summary>
    public double Intercept { get; }

    /// <summary>The log-odds change per standard deviation of each feature (the penalised coefficients β).</summary>
    public ReadOnlyCollection<double> StandardizedCoefficients { get; }

    /// <summary>The log-odds of the mean training row: the bias term of <see cref="Contributions"/>.</summary>
    public double Bias { get; }

    /// <summary>L-BFGS iterations run (scikit-learn's <c>n_iter_</c>).</summary>
    public int Iterations { get; }

    /// <summary>The minimised objective Σᵢ wᵢ · loglossᵢ + ½ · λ · ‖β‖².</summary>
    public double FinalLoss { get; }

    /// <summary>The probability of class 1 for each row.</summary>
    /// <exception cref="LearnerInputException">a shape that does not fit, or a NaN or infinite value</exception>
    public double[] Predict(float[] features)
    {
        var scores = RawScores(features);
        for (var i = 0; i < scores.Length; i++)
        {
            var e = Math.Exp(-Math.Abs(scores[i]));
            scores[i] = (scores[i] >= 0 ? 1 : e) / (1 + e);
        }
        return scores;
    }

    /// <summary>The log-odds of class 1 for each row: <see cref="Bias"/> plus the row's <see cref="Contributions"/>, added in column order.</summary>
    /// <exception cref="LearnerInputException">a shape that does not fit, or a NaN or infinite value</exception>
    public double[] RawScores(float[] features)
    {
        FeatureRows.Check(features, Columns, What, allowMissing: false);
        var scores = new double[features.Length / Columns];
        for (var i = 0; i < scores.Length; i++)
        {
            var z = Bias;
            for (var j = 0; j < Columns; j++) z += _raw[j] * (features[i * Columns + j] - _centre[j]);
            scores[i] = z;
        }
        return scores;
    }

    /// <summary>
    /// Each row's log-odds split by column, <c>rows × (Columns + 1)</c> row-major: βⱼ (xⱼ − meanⱼ) / stdⱼ for every
    /// column, then <see cref="Bias"/> last (LightGBM's <c>pred_contrib</c> layout); a row's values add up to its
    /// <see cref="RawScores"/>.
    /// </summary>
    /// <exception cref="LearnerInputException">a shape that does not fit, or a NaN or infinite value</exception>
    public double[] Contributions(float[] features)
    {
        FeatureRows.Check(features, Columns, What, allowMissing: false);
        var rows = features.Length / Columns;
        var contributions = new double[rows * (Columns + 1)];
        for (var i = 0; i < rows; i++)
        {
            var row = contributions.AsSpan(i * (Columns + 1), Columns + 1);
            for (var j = 0; j < Columns; j++) row[j] = _raw[j] * (features[i * Columns + j] - _centre[j]);
            row[Columns] = Bias;
        }
        return contributions;
    }

    /// <summary>Writes the model (little-endian binary: β, bias, the columns' centres and inverse scales, iterations, loss).</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Encoding.ASCII.GetBytes(Magic));
        w.Write(FormatVersion);
        w.Write(Columns);
        w.Write(Iterations);
        w.Write(FinalLoss);
        w.Write(Bias);
        foreach (var array in new[] { _standardized, _centre, _inverseScale })
            foreach (var v in array) w.Write(v);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">the stream does not hold a logistic regression model</exception>
    public static LogisticRegressionModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (Encoding.ASCII.GetString(r.ReadBytes(Magic.Length)) != Magic) throw new InvalidDataException("not a ShopLens logistic regression model");
            var version = r.ReadInt32();
            if (version != FormatVersion) throw new InvalidDataException($"logistic regression model format {version}; this version reads {FormatVersion}");
            int columns = r.ReadInt32(), iterations = r.ReadInt32();
            if (columns < 1 || iterations < 0) throw new InvalidDataException($"a logistic regression model of {columns} columns after {iterations} iterations");
            double finalLoss = r.ReadDouble(), bias = r.ReadDouble();
            var arrays = new double[3][];
            for (var a = 0; a < arrays.Length; a++)
            {
                arrays[a] = new double[columns];
                for (var j = 0; j < columns; j++)
                    if (!double.IsFinite(arrays[a][j] = r.ReadDouble())) throw new InvalidDataException($"a logistic regression model with a value of {arrays[a][j]}");
            }
            return new LogisticRegressionModel(arrays[0], bias, new ColumnScaling(arrays[1], arrays[2]), iterations, finalLoss);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("the logistic regression model is cut short", e);
        }
    }
}
