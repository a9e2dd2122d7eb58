using System.Diagnostics;

namespace ShopLens.Learning.Sequence;

/// <summary>
/// Trains a <see cref="SequenceModel"/> on each sequence's prefix: every position predicts the event after it. Each
/// epoch the sequences are shuffled, grouped into batches of similar length (so little is spent on padding) and the
/// batches taken in a shuffled order; AdamW with a linear warm-up. The same seed gives the same model on one thread
/// (the GEMM's sums do not depend on the thread count either, so in practice on any).
/// </summary>
public sealed class SequenceTrainer(SequenceOptions options)
{
    readonly SequenceOptions _options = Checked(options);

    static SequenceOptions Checked(SequenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }

    /// <summary>
    /// Trains on the first <paramref name="usable"/>[s] events of each sequence s (all of them when null): leave-one-out
    /// keeps the last two back, a time split the events after the cut-off. Intent labels count as observed up to
    /// <paramref name="observedUntil"/> (the last usable event's time when null).
    /// </summary>
    /// <exception cref="LearnerInputException">no sequence with two usable events, or <paramref name="usable"/> of the wrong length</exception>
    public SequenceModel Fit(EventSequences data, int[]? usable = null, long? observedUntil = null, IProgress<SequenceProgress>? progress = null,
        Action<SequenceEpoch>? epochDone = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (usable is not null && usable.Length != data.Count)
            throw new LearnerInputException($"usable lengths for {usable.Length} sequences, but there are {data.Count}");
        if (_options.IntentKind is { } kind && (kind < 0 || kind >= data.Kinds))
            throw new LearnerInputException($"intent kind {kind} is outside the data's 0 … {data.Kinds - 1}");
        var windows = Windows(data, usable, observedUntil);
        if (windows.Count == 0) throw new LearnerInputException("no sequence has two events to learn from");
        var layout = new SequenceLayout(SequenceShape.Of(_options, data.Items, data.Kinds));
        var network = new SequenceNetwork<float>(layout, layout.Initial(_options.Seed), _options.Threads);
        var optimiser = new AdamW(layout, _options.WeightDecay);
        var rng = new Random(_options.Seed);
        var horizon = (long)(_options.IntentHorizonDays * 86400);
        var batches = (windows.Count + _options.BatchSize - 1) / _options.BatchSize;
        var clock = Stopwatch.StartNew();
        for (var epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            var started = clock.Elapsed;
            var order = Batches(windows, rng);
            var (itemSum, kindSum, intentSum, tokens) = (0.0, 0.0, 0.0, 0L);
            for (var b = 0; b < order.Count; b++)
            {
                ct.ThrowIfCancellationRequested();
                var batch = SequenceBatch.Of(data, order[b], _options.GapBuckets, withTargets: true, _options.IntentKind, horizon,
                    _options.Loss == SequenceLoss.SampledBinaryCrossEntropy ? rng : null);
                network.Forward(batch, _options.Dropout, (ulong)rng.NextInt64());
                var losses = network.Backward(batch, _options.Loss, _options.KindWeight, _options.IntentKind is null ? 0 : _options.IntentWeight);
                var rate = _options.LearningRate * Math.Min(1, (optimiser.Steps + 1.0) / Math.Max(1, _options.WarmupSteps));
                optimiser.Step(network.Parameters, network.Gradients, rate);
                (itemSum, kindSum, intentSum) = (itemSum + losses.Item, kindSum + losses.Kind, intentSum + losses.Intent);
                tokens += batch.Used.Sum();
                var seconds = (clock.Elapsed - started).TotalSeconds;
                progress?.Report(new SequenceProgress(epoch, _options.Epochs, b + 1, batches, itemSum / (b + 1), tokens / Math.Max(seconds, 1e-9), clock.Elapsed));
            }
            epochDone?.Invoke(new SequenceEpoch(epoch, itemSum / order.Count, kindSum / order.Count, intentSum / order.Count, tokens, clock.Elapsed - started,
                () => new SequenceModel(_options, layout, (float[])network.Parameters.Clone())));
        }
        return new SequenceModel(_options, layout, network.Parameters);
    }

    /// <summary>
    /// Each sequence's training windows: the last MaxLength inputs before its last usable event (which is the last
    /// target), then the MaxLength before those, and so on, so that every usable event after the first is a target
    /// exactly once. (SASRec reads only the last window; a shop's long histories would then go mostly unused.)
    /// </summary>
    List<SequenceWindow> Windows(EventSequences data, int[]? usable, long? observedUntil)
    {
        var windows = new List<SequenceWindow>();
        for (var s = 0; s < data.Count; s++)
        {
            var end = usable?[s] ?? data.Length(s);
            if (end < 0 || end > data.Length(s)) throw new LearnerInputException($"sequence {s}: {end} usable events of its {data.Length(s)}");
            var observed = observedUntil ?? (end > 0 ? data.TimesOf(s)[end - 1] : 0);
            for (var to = end - 1; to >= 1; to -= _options.MaxLength) windows.Add(new SequenceWindow(s, Math.Max(0, to - _options.MaxLength), to, end, observed));
        }
        return windows;
    }

    /// <summary>The epoch's batches: windows in a random order, stably sorted by length, cut into batches, the batches shuffled.</summary>
    List<SequenceWindow[]> Batches(List<SequenceWindow> windows, Random rng)
    {
        var shuffled = windows.ToArray();
        rng.Shuffle(shuffled);
        var batches = shuffled.OrderBy(w => w.To - w.From).Chunk(_options.BatchSize).ToArray();
        rng.Shuffle(batches);
        return [.. batches];
    }
}
