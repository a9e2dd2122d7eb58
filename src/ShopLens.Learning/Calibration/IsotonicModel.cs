namespace ShopLens.Learning.Calibration;

/// <summary>
/// A fitted isotonic calibration map: monotone values at threshold scores, interpolated linearly between them and
/// clamped to the end values outside them (scikit-learn's <c>X_thresholds_</c>, <c>y_thresholds_</c> and
/// <c>out_of_bounds="clip"</c>).
/// </summary>
public sealed class IsotonicModel : ICalibrationModel
{
    const string Magic = "SLISOTON";
    const int FormatVersion = 1;
    const string What = "isotonic calibration";

    readonly double[] _thresholds, _values;

    internal IsotonicModel(double[] thresholds, double[] values, bool increasing) =>
        (_thresholds, _values, Increasing) = (thresholds, values, increasing);

    /// <summary>The scores the map is fitted at, strictly increasing.</summary>
    public ReadOnlySpan<double> ThresholdScores => _thresholds;

    /// <summary>The calibrated value at each of <see cref="ThresholdScores"/>, non-decreasing (non-increasing when not <see cref="Increasing"/>).</summary>
    public ReadOnlySpan<double> ThresholdValues => _values;

    /// <summary>Whether the map rises with the score (<see cref="IsotonicOptions.Increasing"/>).</summary>
    public bool Increasing { get; }

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

    /// <summary>
    /// The clamped linear interpolation of the map, as scikit-learn's (scipy's <c>interp1d</c>) to within rounding.
    /// The result is held between the two neighbouring values, so rounding never breaks monotonicity.
    /// </summary>
    double At(double score)
    {
        if (score <= _thresholds[0]) return _values[0];
        if (score >= _thresholds[^1]) return _values[^1];
        var hi = Array.BinarySearch(_thresholds, score);
        if (hi >= 0) return _values[hi];
        hi = ~hi;
        var lo = hi - 1;
        var t = (score - _thresholds[lo]) / (_thresholds[hi] - _thresholds[lo]);
        var value = _values[lo] + (_values[hi] - _values[lo]) * t;
        return Math.Clamp(value, Math.Min(_values[lo], _values[hi]), Math.Max(_values[lo], _values[hi]));
    }

    /// <summary>Writes the model (little-endian binary: direction, then the threshold scores and values).</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        ModelHeader.Write(w, Magic, FormatVersion);
        w.Write(Increasing);
        w.Write(_thresholds.Length);
        foreach (var x in _thresholds) w.Write(x);
        foreach (var y in _values) w.Write(y);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">the stream does not hold an isotonic calibration map</exception>
    public static IsotonicModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        try
        {
            ModelHeader.Read(r, Magic, FormatVersion, What);
            var increasing = r.ReadBoolean();
            var count = r.ReadInt32();
            if (count < 1) throw new InvalidDataException($"an {What} of {count} points");
            var thresholds = new double[count];
            var values = new double[count];
            for (var i = 0; i < count; i++) thresholds[i] = r.ReadDouble();
            for (var i = 0; i < count; i++) values[i] = r.ReadDouble();
            for (var i = 0; i < count; i++)
            {
                if (!double.IsFinite(thresholds[i]) || !double.IsFinite(values[i])) throw new InvalidDataException($"point {i} of the {What} is not finite");
                if (i > 0 && !(thresholds[i] > thresholds[i - 1])) throw new InvalidDataException($"the {What}'s scores do not increase at point {i}");
                if (i > 0 && (increasing ? values[i] < values[i - 1] : values[i] > values[i - 1])) throw new InvalidDataException($"the {What} is not monotone at point {i}");
            }
            return new IsotonicModel(thresholds, values, increasing);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"the {What} is cut short", e);
        }
    }
}
