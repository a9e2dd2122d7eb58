using System.Text;
using ShopLens.Learning.Calibration;

namespace ShopLens.Insight.Predictions;

/// <summary>
/// Turns a learner's raw scores (log-odds) into probabilities that match observed rates: isotonic regression, or
/// Platt's sigmoid when there are too few held-out customers for isotonic's steps. Probabilities stay at least
/// ½/(n + 1) from 0 and 1 (n held-out customers): isotonic steps give exact 0s and 1s that n customers cannot
/// justify, and one such 0 for a customer who then buys would dominate a log loss.
/// </summary>
sealed class ScoreCalibration
{
    readonly IsotonicModel? _isotonic;
    readonly PlattModel? _platt;
    readonly double _margin;

    ScoreCalibration(IsotonicModel? isotonic, PlattModel? platt, double margin) => (_isotonic, _platt, _margin) = (isotonic, platt, margin);

    /// <summary><c>isotonic</c> or <c>platt</c>.</summary>
    public string Method => _isotonic is not null ? "isotonic" : "platt";

    public static ScoreCalibration FitIsotonic(double[] raw, float[] labels) =>
        new(new IsotonicTrainer(new IsotonicOptions()).Fit(raw, labels), null, Margin(labels.Length));

    public static ScoreCalibration FitPlatt(double[] raw, float[] labels) =>
        new(null, new PlattTrainer(new PlattOptions()).Fit(raw, labels), Margin(labels.Length));

    static double Margin(int rows) => 0.5 / (rows + 1);

    public double[] Apply(double[] raw)
    {
        var p = _isotonic is not null ? _isotonic.Transform(raw) : _platt!.Transform(raw);
        for (var i = 0; i < p.Length; i++) p[i] = Math.Clamp(p[i], _margin, 1 - _margin);
        return p;
    }

    public void Save(Stream stream)
    {
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Method);
            writer.Write(_margin);
        }
        if (_isotonic is not null) _isotonic.Save(stream);
        else _platt!.Save(stream);
    }

    public static ScoreCalibration Load(Stream stream)
    {
        string method;
        double margin;
        using (var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true)) (method, margin) = (reader.ReadString(), reader.ReadDouble());
        return method == "isotonic" ? new(IsotonicModel.Load(stream), null, margin) : new(null, PlattModel.Load(stream), margin);
    }
}
