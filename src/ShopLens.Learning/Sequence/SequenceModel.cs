using System.Numerics.Tensors;
using System.Text;
using ShopLens.Learning.Numerics;

namespace ShopLens.Learning.Sequence;

/// <summary>
/// A trained sequence Transformer: scores the next item, the next event's kind and purchase intent after any event
/// sequence, from scratch (<see cref="Predict"/>) or one event at a time with cached keys and values
/// (<see cref="Start"/>), and saves to and loads from one file.
/// </summary>
public sealed class SequenceModel
{
    const string Magic = "SLSEQTRF";
    const int FormatVersion = 1;

    internal SequenceModel(SequenceOptions options, SequenceLayout layout, float[] parameters)
    {
        (Options, Layout, Parameters) = (options, layout, parameters);
    }

    /// <summary>The options it was trained with.</summary>
    public SequenceOptions Options { get; }

    public int Items => Layout.Shape.Items;

    public int Kinds => Layout.Shape.Kinds;

    internal SequenceLayout Layout { get; }

    internal float[] Parameters { get; }

    /// <summary>The prediction after a sequence (its last <see cref="SequenceOptions.MaxLength"/> events are read).</summary>
    /// <exception cref="ArgumentException">an empty sequence, arrays of different lengths, or an item or kind out of range</exception>
    public SequencePrediction Predict(ReadOnlySpan<int> items, ReadOnlySpan<int> kinds, ReadOnlySpan<long> times)
    {
        var state = Start();
        state.Reset(items, kinds, times);
        return state.Predict();
    }

    /// <summary>An empty sequence state that takes events one at a time.</summary>
    public SequenceState Start() => new(this);

    /// <summary>The scores of every item for a final hidden state (one d-wide row), into <paramref name="scores"/>.</summary>
    internal void ItemScores(ReadOnlySpan<float> hidden, Span<float> scores)
    {
        var table = Layout.ItemEmbedding.Of(Parameters);
        var d = Layout.Shape.Dim;
        for (var i = 0; i < scores.Length; i++) scores[i] = TensorPrimitives.Dot(hidden, table.Slice(i * d, d));
    }

    /// <summary>
    /// Every item's score for each case, computed in batches of cases with similar lengths and handed to
    /// <paramref name="scored"/> with the case's index (the span is reused after the call).
    /// </summary>
    internal void ScoreCases(EventSequences data, IReadOnlyList<SequenceCase> cases, Action<int, ReadOnlySpan<float>> scored, CancellationToken ct)
    {
        const int BatchCases = 256;
        var (d, maxLength) = (Layout.Shape.Dim, Options.MaxLength);
        var network = new SequenceNetwork<float>(Layout, Parameters, Options.Threads);
        var order = Enumerable.Range(0, cases.Count).OrderBy(c => Math.Min(cases[c].Inputs, maxLength)).ThenBy(c => c).ToArray();
        var hidden = new float[BatchCases * d];
        var scores = new float[BatchCases * Items];
        foreach (var chunk in order.Chunk(BatchCases))
        {
            ct.ThrowIfCancellationRequested();
            var windows = chunk.Select(c => new SequenceWindow(cases[c].Sequence, Math.Max(0, cases[c].Inputs - maxLength), cases[c].Inputs, cases[c].Inputs, 0)).ToArray();
            var batch = SequenceBatch.Of(data, windows, Options.GapBuckets, withTargets: false, null, 0, null);
            network.Forward(batch, 0, 0);
            for (var b = 0; b < chunk.Length; b++)
                network.Hidden.Slice((b * batch.Length + batch.Used[b] - 1) * d, d).CopyTo(hidden.AsSpan(b * d, d));
            Gemm.Multiply(hidden.AsSpan(0, chunk.Length * d), false, Layout.ItemEmbedding.Of(Parameters), true, scores.AsSpan(0, chunk.Length * Items), chunk.Length, Items, d, threads: Options.Threads, accumulate: false, ct: ct);
            for (var b = 0; b < chunk.Length; b++) scored(chunk[b], scores.AsSpan(b * Items, Items));
        }
    }

    /// <summary>The whole prediction from a final hidden state.</summary>
    internal SequencePrediction PredictFrom(ReadOnlySpan<float> hidden)
    {
        var (d, kinds) = (Layout.Shape.Dim, Layout.Shape.Kinds);
        var scores = new float[Items];
        ItemScores(hidden, scores);
        var logits = new float[kinds];
        Linear.Forward<float>(hidden, Layout.KindWeight.Of(Parameters), Layout.KindBias.Of(Parameters), logits, 1, d, kinds, 1);
        StableSoftmax.InPlace(logits);
        double? intent = null;
        if (Options.IntentKind is not null)
            intent = 1 / (1 + Math.Exp(-(TensorPrimitives.Dot(hidden, Layout.IntentWeight.Of(Parameters)) + Layout.IntentBias.Of(Parameters)[0])));
        return new SequencePrediction(scores, logits, intent);
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Encoding.ASCII.GetBytes(Magic));
        w.Write(FormatVersion);
        var o = Options;
        w.Write(Items);
        w.Write(Kinds);
        foreach (var v in new[] { o.Dim, o.Blocks, o.Heads, o.MaxLength, o.FeedForwardWidth, o.GapBuckets, o.Epochs, o.BatchSize, o.WarmupSteps, o.Seed, (int)o.Loss })
            w.Write(v);
        foreach (var v in new[] { o.Dropout, o.LearningRate, o.WeightDecay, o.KindWeight, o.IntentWeight, o.IntentHorizonDays }) w.Write(v);
        w.Write(o.IntentKind ?? -1);
        w.Write(Parameters.Length);
        foreach (var v in Parameters) w.Write(v);
    }

    /// <exception cref="InvalidDataException">not a ShopLens sequence model, a newer format, bad sizes, or a file cut short</exception>
    public static SequenceModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (Encoding.ASCII.GetString(r.ReadBytes(Magic.Length)) != Magic) throw new InvalidDataException("not a ShopLens sequence model");
            var version = r.ReadInt32();
            if (version != FormatVersion) throw new InvalidDataException($"sequence model format {version}; this build reads {FormatVersion}");
            var (items, kinds) = (r.ReadInt32(), r.ReadInt32());
            var n = Enumerable.Range(0, 11).Select(_ => r.ReadInt32()).ToArray();
            var x = Enumerable.Range(0, 6).Select(_ => r.ReadDouble()).ToArray();
            var intentKind = r.ReadInt32();
            var options = new SequenceOptions
            {
                Dim = n[0], Blocks = n[1], Heads = n[2], MaxLength = n[3], FeedForward = n[4], GapBuckets = n[5], Epochs = n[6], BatchSize = n[7],
                WarmupSteps = n[8], Seed = n[9], Loss = (SequenceLoss)n[10], Dropout = x[0], LearningRate = x[1], WeightDecay = x[2], KindWeight = x[3],
                IntentWeight = x[4], IntentHorizonDays = x[5], IntentKind = intentKind < 0 ? null : intentKind,
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"sequence model file: {e.Message}");
            }
            if (items < 1 || kinds < 1) throw new InvalidDataException($"sequence model file: {items} items and {kinds} kinds");
            var layout = new SequenceLayout(SequenceShape.Of(options, items, kinds));
            var count = r.ReadInt32();
            if (count != layout.Size) throw new InvalidDataException($"sequence model file: {count} parameters where its shape has {layout.Size}");
            var parameters = new float[count];
            var bytes = r.ReadBytes(count * sizeof(float));
            if (bytes.Length != count * sizeof(float)) throw new EndOfStreamException();
            Buffer.BlockCopy(bytes, 0, parameters, 0, bytes.Length);
            return new SequenceModel(options, layout, parameters);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("sequence model file cut short");
        }
    }
}
