using System.Globalization;
using System.Text;
using ShopLens.Learning.Supervised;

namespace ShopLens.Learning.Boosting;

/// <summary>
/// Fitted boosted trees: predictions, raw scores, exact TreeSHAP contributions (LightGBM's <c>predict_contrib</c>)
/// and split/gain importance. Holds a native booster; dispose it when done (a finalizer frees it otherwise).
/// </summary>
public sealed unsafe class GbdtModel : ISupervisedModel, IDisposable
{
    const string Magic = "SLGBDT";
    const int FormatVersion = 1;

    readonly string _text;
    readonly BoosterHandle _booster;
    readonly CompiledTrees _trees;
    readonly double _sigmoid;
    readonly double[] _validationLoss;

    internal GbdtModel(string text, GbdtObjective objective, int columns, int rounds, IReadOnlyList<double> validationLoss)
    {
        (_text, Objective, Columns, Rounds) = (text, objective, columns, rounds);
        _validationLoss = [.. validationLoss];
        _booster = BoosterRounds.Load(text);
        _trees = CompiledTrees.Parse(text);
        _sigmoid = Sigmoid(text);
        LightGbmNative.Check(LightGbmNative.LGBM_BoosterGetNumFeature(_booster.DangerousGetHandle(), out var features));
        if (features != columns) throw new InvalidDataException($"GBDT model: the trees use {features} columns, the header says {columns}");
    }

    public GbdtObjective Objective { get; }

    public int Columns { get; }

    /// <summary>Trees kept: the best round when early stopping ran, else all rounds run.</summary>
    public int Rounds { get; }

    /// <summary>The validation metric after every round run (empty without a validation set).</summary>
    public ReadOnlySpan<double> ValidationLoss => _validationLoss;

    /// <summary>Probabilities for <see cref="GbdtObjective.Binary"/>, expected values for Tweedie, scores otherwise.</summary>
    public double[] Predict(float[] features)
    {
        var raw = RawScores(features);
        for (var i = 0; i < raw.Length; i++)
            raw[i] = Objective switch
            {
                GbdtObjective.Binary => 1 / (1 + Math.Exp(-_sigmoid * raw[i])),
                GbdtObjective.Tweedie => Math.Exp(raw[i]),
                _ => raw[i],
            };
        return raw;
    }

    /// <summary>Scores before the link function (log-odds for binary, log of the mean for Tweedie), from the compiled trees.</summary>
    public double[] RawScores(float[] features)
    {
        FeatureRows.Check(features, Columns, "GBDT input", allowMissing: true);
        var raw = new double[features.Length / Columns];
        _trees.RawScores(features, Columns, raw, Environment.ProcessorCount);
        return raw;
    }

    /// <summary>LightGBM's own scores, for checking the compiled trees against it.</summary>
    internal double[] NativeScores(float[] features, bool raw) =>
        Run(features, raw ? LightGbmNative.PredictRawScore : LightGbmNative.PredictNormal, 1);

    /// <summary>The binary objective's sigmoid scale from the model's <c>objective=binary sigmoid:s</c> line (1 otherwise).</summary>
    static double Sigmoid(string text)
    {
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("objective=", StringComparison.Ordinal)) ?? "";
        var part = line.Split(' ').FirstOrDefault(p => p.StartsWith("sigmoid:", StringComparison.Ordinal));
        return part is null ? 1 : double.Parse(part["sigmoid:".Length..], CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Exact TreeSHAP contributions: per row <c>Columns + 1</c> values, one per column and the bias last; a row's
    /// values sum to its raw score.
    /// </summary>
    public double[] Contributions(float[] features) => Run(features, LightGbmNative.PredictContrib, Columns + 1);

    /// <summary>Total loss reduction of the splits on each column.</summary>
    public double[] GainImportance() => Importance(LightGbmNative.ImportanceGain);

    /// <summary>How many splits use each column.</summary>
    public double[] SplitImportance() => Importance(LightGbmNative.ImportanceSplit);

    double[] Importance(int type)
    {
        var result = new double[Columns];
        using var booster = Lease();
        fixed (double* p = result)
            LightGbmNative.Check(LightGbmNative.LGBM_BoosterFeatureImportance(booster.Handle, 0, type, p));
        return result;
    }

    /// <summary>
    /// The native booster, held for the length of one call: the model may be unreachable from managed code while
    /// LightGBM still runs, and its finalizer must not free the booster under it.
    /// </summary>
    BoosterLease Lease()
    {
        ObjectDisposedException.ThrowIf(_booster.IsClosed, this);
        return new BoosterLease(_booster);
    }

    double[] Run(float[] features, int type, int perRow)
    {
        FeatureRows.Check(features, Columns, "GBDT input", allowMissing: true);
        var rows = features.Length / Columns;
        var result = new double[(long)rows * perRow];
        var parameters = "num_threads=" + Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture);
        using var booster = Lease();
        fixed (float* x = features)
        fixed (double* r = result)
        lock (LightGbmNative.ThreadCountGate)
            LightGbmNative.Check(LightGbmNative.LGBM_BoosterPredictForMat(booster.Handle, x,
                LightGbmNative.Float32, rows, Columns, 1, type, 0, -1, parameters, out _, r));
        return result;
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write((int)Objective);
        writer.Write(Columns);
        writer.Write(Rounds);
        writer.Write(_validationLoss.Length);
        foreach (var loss in _validationLoss) writer.Write(loss);
        writer.Write(_text);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">not a ShopLens GBDT model, or a newer format</exception>
    public static GbdtModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadString() != Magic) throw new InvalidDataException("not a ShopLens GBDT model");
        var version = reader.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"GBDT model format {version}; this build reads {FormatVersion}");
        var objective = (GbdtObjective)reader.ReadInt32();
        var columns = reader.ReadInt32();
        var rounds = reader.ReadInt32();
        var losses = new double[reader.ReadInt32()];
        for (var i = 0; i < losses.Length; i++) losses[i] = reader.ReadDouble();
        return new GbdtModel(reader.ReadString(), objective, columns, rounds, losses);
    }

    public void Dispose() => _booster.Dispose();
}
