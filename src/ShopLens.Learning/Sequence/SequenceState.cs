using System.Numerics.Tensors;

namespace ShopLens.Learning.Sequence;

/// <summary>
/// One customer's place in the model, kept between events: each block's keys and values for the positions seen so
/// far, so that a new event costs one position's pass (its query against the cached keys) rather than the whole
/// sequence's. Positions count from the window's first event, so earlier entries never change; when the window is
/// full the state restarts on its newest <see cref="SequenceOptions.MaxLength"/> / 2 events in one batched pass.
/// Not thread-safe: one state per customer, used by one request at a time.
/// </summary>
public sealed class SequenceState
{
    readonly SequenceModel _model;
    readonly float[][] _keys, _values;
    readonly List<(int Item, int Kind, long Time)> _events = [];
    readonly float[] _hidden;
    int _count;

    internal SequenceState(SequenceModel model)
    {
        _model = model;
        var s = model.Layout.Shape;
        _keys = [.. Enumerable.Range(0, s.Blocks).Select(_ => new float[s.MaxLength * s.Dim])];
        _values = [.. Enumerable.Range(0, s.Blocks).Select(_ => new float[s.MaxLength * s.Dim])];
        _hidden = new float[s.Dim];
    }

    /// <summary>Events in the window the cached keys describe.</summary>
    public int Count => _count;

    /// <summary>Takes the next event: one position through every block against the cached keys and values.</summary>
    /// <exception cref="ArgumentException">an item or kind out of the model's range, or a time before the last event's</exception>
    public void Append(int item, int kind, long time)
    {
        Check(item, kind);
        if (_events.Count > 0 && time < _events[^1].Time) throw new ArgumentException($"event time {time} is before the previous event's {_events[^1].Time}");
        var s = _model.Layout.Shape;
        var first = _events.Count == 0;
        var gap = first ? 0 : time - _events[^1].Time;
        _events.Add((item, kind, time));
        // Only the window and the event before it are ever read again.
        if (_events.Count > 2 * s.MaxLength) _events.RemoveRange(0, _events.Count - s.MaxLength - 1);
        if (_count == s.MaxLength)
        {
            // The window is full: start again from its newer half, so restarts are rare.
            var keep = _events.Skip(_events.Count - s.MaxLength / 2).ToArray();
            Rebuild(keep.Select(e => e.Item).ToArray(), keep.Select(e => e.Kind).ToArray(), keep.Select(e => e.Time).ToArray(), _events.Count - keep.Length);
            return;
        }
        Step(item, kind, TimeGap.Bucket(gap, first, s.GapBuckets));
    }

    /// <summary>Replaces the state by the last <see cref="SequenceOptions.MaxLength"/> events of a whole sequence, in one batched pass.</summary>
    public void Reset(ReadOnlySpan<int> items, ReadOnlySpan<int> kinds, ReadOnlySpan<long> times)
    {
        if (items.Length == 0) throw new ArgumentException("a prediction needs at least one event");
        if (kinds.Length != items.Length || times.Length != items.Length)
            throw new ArgumentException($"{items.Length} items, {kinds.Length} kinds and {times.Length} times: one of each per event");
        for (var e = 0; e < items.Length; e++)
        {
            Check(items[e], kinds[e]);
            if (e > 0 && times[e] < times[e - 1]) throw new ArgumentException($"event {e}'s time goes back");
        }
        _events.Clear();
        for (var e = 0; e < items.Length; e++) _events.Add((items[e], kinds[e], times[e]));
        var length = Math.Min(items.Length, _model.Layout.Shape.MaxLength);
        Rebuild(items[^length..].ToArray(), kinds[^length..].ToArray(), times[^length..].ToArray(), items.Length - length);
    }

    /// <summary>The prediction after the events so far.</summary>
    public SequencePrediction Predict()
    {
        if (_count == 0) throw new InvalidOperationException("no events yet");
        return _model.PredictFrom(_hidden);
    }

    void Check(int item, int kind)
    {
        if ((uint)item >= (uint)_model.Items) throw new ArgumentException($"item {item} is outside the model's 0 … {_model.Items - 1}");
        if ((uint)kind >= (uint)_model.Kinds) throw new ArgumentException($"kind {kind} is outside the model's 0 … {_model.Kinds - 1}");
    }

    /// <summary>One batched pass over a window; <paramref name="before"/> events precede it (its first gap is measured from the last of them).</summary>
    void Rebuild(int[] items, int[] kinds, long[] times, int before)
    {
        var s = _model.Layout.Shape;
        var batch = SequenceBatch.Single(items, kinds, times, items.Length, s.GapBuckets);
        if (before > 0) batch.Gap[0] = TimeGap.Bucket(times[0] - _events[before - 1].Time, false, s.GapBuckets);
        var network = new SequenceNetwork<float>(_model.Layout, _model.Parameters, threads: 1);
        network.Forward(batch, 0, 0);
        var d = s.Dim;
        for (var b = 0; b < s.Blocks; b++)
        {
            var qkv = network.Qkv(b);
            for (var t = 0; t < items.Length; t++)
            {
                qkv.Slice(t * 3 * d + d, d).CopyTo(_keys[b].AsSpan(t * d, d));
                qkv.Slice(t * 3 * d + 2 * d, d).CopyTo(_values[b].AsSpan(t * d, d));
            }
        }
        network.Hidden.Slice((items.Length - 1) * d, d).CopyTo(_hidden);
        _count = items.Length;
    }

    /// <summary>One new position through the blocks, its key and value added to the cache.</summary>
    void Step(int item, int kind, int gap)
    {
        var (layout, p) = (_model.Layout, _model.Parameters);
        var s = layout.Shape;
        var (d, f, t) = (s.Dim, s.FeedForward, _count);
        var x = new float[d];
        EmbeddingLookup.Forward<float>(layout.ItemEmbedding.Of(p), [item], x, d, MathF.Sqrt(d));
        EmbeddingLookup.Forward<float>(layout.KindEmbedding.Of(p), [kind], x, d, 1);
        EmbeddingLookup.Forward<float>(layout.GapEmbedding.Of(p), [gap], x, d, 1);
        EmbeddingLookup.Forward<float>(layout.PositionEmbedding.Of(p), [t], x, d, 1);
        Span<float> stats = stackalloc float[2];
        var (normed, qkv, attended, projected, wide, activated, back) = (new float[d], new float[3 * d], new float[d], new float[d], new float[f], new float[f], new float[d]);
        var weights = new float[t + 1];
        var size = d / s.Heads;
        var scale = 1 / MathF.Sqrt(size);
        for (var b = 0; b < s.Blocks; b++)
        {
            var w = layout.Blocks[b];
            LayerNorm.Forward<float>(x, w.Norm1Weight.Of(p), w.Norm1Bias.Of(p), normed, stats[..1], stats[1..], 1, d);
            Linear.Forward<float>(normed, w.QkvWeight.Of(p), w.QkvBias.Of(p), qkv, 1, d, 3 * d, 1);
            qkv.AsSpan(d, d).CopyTo(_keys[b].AsSpan(t * d, d));
            qkv.AsSpan(2 * d, d).CopyTo(_values[b].AsSpan(t * d, d));
            for (var h = 0; h < s.Heads; h++)
            {
                var query = qkv.AsSpan(h * size, size);
                for (var j = 0; j <= t; j++) weights[j] = TensorPrimitives.Dot(query, _keys[b].AsSpan(j * d + h * size, size)) * scale;
                StableSoftmax.InPlace(weights);
                var head = attended.AsSpan(h * size, size);
                head.Clear();
                for (var j = 0; j <= t; j++) TensorPrimitives.MultiplyAdd(_values[b].AsSpan(j * d + h * size, size), weights[j], head, head);
            }
            Linear.Forward<float>(attended, w.ProjectionWeight.Of(p), w.ProjectionBias.Of(p), projected, 1, d, d, 1);
            TensorPrimitives.Add(x, projected, x);
            LayerNorm.Forward<float>(x, w.Norm2Weight.Of(p), w.Norm2Bias.Of(p), normed, stats[..1], stats[1..], 1, d);
            Linear.Forward<float>(normed, w.Hidden1Weight.Of(p), w.Hidden1Bias.Of(p), wide, 1, d, f, 1);
            Relu.Forward<float>(wide, activated);
            Linear.Forward<float>(activated, w.Hidden2Weight.Of(p), w.Hidden2Bias.Of(p), back, 1, f, d, 1);
            TensorPrimitives.Add(x, back, x);
        }
        LayerNorm.Forward<float>(x, layout.FinalNormWeight.Of(p), layout.FinalNormBias.Of(p), _hidden, stats[..1], stats[1..], 1, d);
        _count++;
    }
}
