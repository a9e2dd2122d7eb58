using System.Text;
using ShopLens.Learning.Boosting;
using ShopLens.Learning.Linear;
using ShopLens.Learning.Supervised;

namespace ShopLens.Insight.Predictions;

/// <summary>
/// A fitted prediction model for customers: a learner over the columns of a <see cref="TaskFrame"/> (LightGBM's
/// trees, or logistic regression on median-imputed columns) and the calibration that turns its raw scores into
/// probabilities; explains each score by per-column contributions to the log-odds.
/// </summary>
public sealed class CustomerScorer
{
    const string Magic = "SLSCORER";
    const int FormatVersion = 1;

    readonly GbdtModel? _trees;
    readonly LogisticRegressionModel? _linear;
    readonly MedianImputer? _imputer;

    internal CustomerScorer(IReadOnlyList<string> columns, GbdtModel trees, ScoreCalibration calibration) =>
        (Columns, _trees, Calibration) = (columns, trees, calibration);

    internal CustomerScorer(IReadOnlyList<string> columns, LogisticRegressionModel linear, MedianImputer imputer, ScoreCalibration calibration) =>
        (Columns, _linear, _imputer, Calibration) = (columns, linear, imputer, calibration);

    /// <summary>
    /// The feature columns it reads, in order: <see cref="TaskFrame.FeatureColumns"/>, then
    /// <see cref="SequenceFeatures.Columns"/> when it was trained with them.
    /// </summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>It reads the sequence model's columns (<see cref="SequenceFeatures"/>) after the profile's.</summary>
    public bool UsesSequenceFeatures => Columns.Count > TaskFrame.FeatureColumns.Count;

    /// <summary><c>gbdt</c> or <c>logistic_regression</c>.</summary>
    public string Learner => _trees is not null ? Learners.Gbdt : Learners.LogisticRegression;

    internal ScoreCalibration Calibration { get; }

    int Width => Columns.Count;

    /// <summary>The learner's log-odds per row, before calibration.</summary>
    public double[] RawScores(float[] features) =>
        _trees is not null ? _trees.RawScores(features) : _linear!.RawScores(_imputer!.Transform(features));

    /// <summary>Calibrated probabilities per row.</summary>
    public double[] Probabilities(float[] features) => Calibration.Apply(RawScores(features));

    /// <summary>
    /// Per row, one contribution per feature column and the bias last (<c>Columns + 1</c> values) summing to the
    /// raw score: TreeSHAP for trees; for logistic regression each term β·(x − mean)/sd, a missing-value indicator's
    /// term added to its column's.
    /// </summary>
    public double[] Contributions(float[] features)
    {
        if (_trees is not null) return _trees.Contributions(features);
        var imputed = _imputer!.Transform(features);
        var wide = _linear!.Contributions(imputed);
        var inWidth = _imputer.OutputColumns + 1;
        var rows = features.Length / Width;
        var result = new double[rows * (Width + 1)];
        var indicated = _imputer.IndicatedColumns;
        for (var i = 0; i < rows; i++)
        {
            var source = wide.AsSpan(i * inWidth, inWidth);
            var target = result.AsSpan(i * (Width + 1), Width + 1);
            source[..Width].CopyTo(target);
            for (var k = 0; k < indicated.Length; k++) target[indicated[k]] += source[Width + k];
            target[Width] = source[inWidth - 1];
        }
        return result;
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(Learner);
            writer.Write(string.Join('\n', Columns));
        }
        Calibration.Save(stream);
        if (_trees is not null) _trees.Save(stream);
        else
        {
            _imputer!.Save(stream);
            _linear!.Save(stream);
        }
    }

    /// <summary>Reads a scorer written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">not a scorer, a newer format, or one fitted on other feature columns</exception>
    public static CustomerScorer Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        string learner;
        IReadOnlyList<string> columns;
        using (var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true))
        {
            if (reader.ReadString() != Magic) throw new InvalidDataException("not a ShopLens customer scorer");
            var version = reader.ReadInt32();
            if (version != FormatVersion) throw new InvalidDataException($"scorer format {version}; this build reads {FormatVersion}");
            learner = reader.ReadString();
            var saved = reader.ReadString();
            string[] profile = [.. TaskFrame.FeatureColumns], withSequence = [.. profile, .. SequenceFeatures.Columns];
            columns = saved == string.Join('\n', profile) ? profile
                : saved == string.Join('\n', withSequence) ? withSequence
                : throw new InvalidDataException("the model was trained on other profile columns than this build computes: train it again");
        }
        var calibration = ScoreCalibration.Load(stream);
        if (learner == Learners.Gbdt) return new CustomerScorer(columns, GbdtModel.Load(stream), calibration);
        // In the order Save wrote them: the imputer, then the model.
        var imputer = MedianImputer.Load(stream);
        return new CustomerScorer(columns, LogisticRegressionModel.Load(stream), imputer, calibration);
    }
}
