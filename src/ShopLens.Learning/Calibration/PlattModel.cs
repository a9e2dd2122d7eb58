namespace ShopLens.Learning.Calibration;

/// <summary>A fitted Platt scaling: p = 1 / (1 + exp(<see cref="A"/>·s + <see cref="B"/>)).</summary>
public sealed class PlattModel : ICalibrationModel
{
    const string Magic = "SLPLATTS";
    const int FormatVersion = 1;
    const string What = "Platt scaling";

    internal PlattModel(double a, double b, int iterations) => (A, B, Iterations) = (a, b, iterations);

    /// <summary>The slope on the score; negative when higher scores mean label 1 (scikit-learn's <c>a_</c>).</summary>
    public double A { get; }

    /// <summary>The intercept (scikit-learn's <c>b_</c>).</summary>
    public double B { get; }

    /// <summary>Newton steps the fit took.</summary>
    public int Iterations { get; }

    public double Predict(double score)
    {
        CalibrationInput.CheckScore(score, What);
        return At(score);
    }

    public double[] Transform(ReadOnlySpan<double> scores)
    {
        CalibrationInput.CheckScores(scores, What);
        var probabilities = new double[scores.Length];
        for (var i = 0; i < scores.Length; i++) probabilities[i] = At(scores[i]);
        return probabilities;
    }

    /// <summary>The logistic of −(A·s + B), from the exponential that cannot overflow (scipy's <c>expit</c>).</summary>
    double At(double score)
    {
        var f = A * score + B;
        if (f >= 0)
        {
            var e = Math.Exp(-f);
            return e / (1 + e);
        }
        return 1 / (1 + Math.Exp(f));
    }

    /// <summary>Writes the model (little-endian binary: A, B, iterations).</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        ModelHeader.Write(w, Magic, FormatVersion);
        w.Write(A);
        w.Write(B);
        w.Write(Iterations);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">the stream does not hold a Platt scaling</exception>
    public static PlattModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        try
        {
            ModelHeader.Read(r, Magic, FormatVersion, What);
            double a = r.ReadDouble(), b = r.ReadDouble();
            var iterations = r.ReadInt32();
            if (!double.IsFinite(a) || !double.IsFinite(b)) throw new InvalidDataException($"the {What} has A = {a}, B = {b}");
            if (iterations < 0) throw new InvalidDataException($"the {What} took {iterations} steps");
            return new PlattModel(a, b, iterations);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"the {What} is cut short", e);
        }
    }
}
