using System.Numerics;
using System.Numerics.Tensors;

namespace ShopLens.Learning.Sequence;

/// <summary>
/// The Transformer over event sequences, SASRec's shape in GPT-2's pre-norm form: the sum of item (× √d), kind,
/// gap-bucket and position embeddings, then blocks of x += Attention(LayerNorm(x)), x += FeedForward(LayerNorm(x)), a
/// final layer norm, and three heads on each position — the next item against the tied item embeddings, the next
/// event's kind, and whether the intent kind follows within the horizon. Generic so that training runs in float and
/// the gradient checks run the very same code in double.
/// </summary>
sealed class SequenceNetwork<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    readonly SequenceLayout _layout;
    readonly int _threads;
    Activations? _a;

    public SequenceNetwork(SequenceLayout layout, T[] parameters, int threads)
    {
        if (parameters.Length != layout.Size) throw new ArgumentException($"the network has {layout.Size} parameters, not {parameters.Length}");
        (_layout, Parameters, _threads) = (layout, parameters, threads);
    }

    public T[] Parameters { get; }

    /// <summary>The gradient of the last <see cref="Backward"/>; allocated by the first, so inference carries none.</summary>
    public T[] Gradients => _gradients ??= new T[_layout.Size];

    T[]? _gradients;

    /// <summary>The last <see cref="Forward"/>'s query, key and value rows of block <paramref name="block"/> (tokens × 3d).</summary>
    public ReadOnlySpan<T> Qkv(int block) => _a!.Blocks[block].Qkv;

    /// <summary>Each position's final hidden state (tokens × d) after <see cref="Forward"/>.</summary>
    public ReadOnlySpan<T> Hidden => _a!.Final;

    /// <summary>Each position's next-kind logits after <see cref="Forward"/>.</summary>
    public ReadOnlySpan<T> KindLogits => _a!.KindLogits;

    /// <summary>Each position's intent logit after <see cref="Forward"/>.</summary>
    public ReadOnlySpan<T> IntentLogits => _a!.IntentLogits;

    /// <summary>Mean losses of one batch: next item, next kind, intent, and their weighted sum that was differentiated.</summary>
    public readonly record struct Losses(double Item, double Kind, double Intent, double Total);

    sealed class Activations
    {
        public Activations(SequenceShape s, int b, int t, Activations? reuse)
        {
            var (n, d, f) = (b * t, s.Dim, s.FeedForward);
            (Sequences, Length) = (b, t);
            // Each buffer in a fixed order, taken from the previous batch's when it is long enough: batches change shape
            // every step (they are padded to their own length), and fresh arrays of tens of MB each time cost GCs.
            var next = 0;
            ArraySegment<T> Make(int length)
            {
                var old = reuse is not null && next < reuse._backing.Count ? reuse._backing[next] : null;
                var array = old is not null && old.Length >= length ? old : new T[Math.Max(length, old?.Length ?? 0)];
                _backing.Add(array);
                next++;
                return new ArraySegment<T>(array, 0, length);
            }
            Embedded = Make(n * d);
            EmbeddedMask = Make(n * d);
            Stream = [.. Enumerable.Range(0, s.Blocks + 1).Select(_ => Make(n * d))];
            Blocks = [.. Enumerable.Range(0, s.Blocks).Select(_ => new BlockActivations(n, d, f, b * s.Heads * t * t, Make))];
            Final = Make(n * d);
            FinalMean = Make(n);
            FinalRstd = Make(n);
            KindLogits = Make(n * s.Kinds);
            IntentLogits = Make(n);
            (Grad, Grad2, GradWide, GradWide2, GradQkv) = (Make(n * d), Make(n * d), Make(n * f), Make(n * f), Make(n * 3 * d));
            (DKind, DIntent) = (Make(n * s.Kinds), Make(n));
        }

        readonly List<T[]> _backing = [];

        public int Sequences { get; }
        public int Length { get; }
        public ArraySegment<T> Embedded, EmbeddedMask, Final, FinalMean, FinalRstd, KindLogits, IntentLogits;
        public ArraySegment<T>[] Stream;
        public BlockActivations[] Blocks;
        public ArraySegment<T> Grad, Grad2, GradWide, GradWide2, GradQkv, DKind, DIntent;
    }

    sealed class BlockActivations(int n, int d, int f, int weights, Func<int, ArraySegment<T>> make)
    {
        public readonly ArraySegment<T> Norm1 = make(n * d), Norm1Mean = make(n), Norm1Rstd = make(n), Qkv = make(n * 3 * d), Weights = make(weights),
            Attended = make(n * d), Projected = make(n * d), ProjectedMask = make(n * d), Middle = make(n * d), Norm2 = make(n * d),
            Norm2Mean = make(n), Norm2Rstd = make(n), Hidden1 = make(n * f), Activated = make(n * f), ActivatedDropped = make(n * f),
            ActivatedMask = make(n * f), Hidden2 = make(n * d), Hidden2Mask = make(n * d);
    }

    /// <summary>Runs the batch forward; with <paramref name="dropout"/> &gt; 0 the masks come from <paramref name="dropoutKey"/>.</summary>
    public void Forward(SequenceBatch batch, double dropout, ulong dropoutKey)
    {
        var s = _layout.Shape;
        if (batch.Length > s.MaxLength) throw new ArgumentException($"a batch of length {batch.Length} is longer than the model's {s.MaxLength}");
        if (_a is null || _a.Sequences != batch.Sequences || _a.Length != batch.Length) _a = new Activations(s, batch.Sequences, batch.Length, _a);
        var a = _a;
        var (n, d, f, p) = (batch.Tokens, s.Dim, s.FeedForward, Parameters);
        var embedded = a.Embedded.AsSpan();
        embedded.Clear();
        EmbeddingLookup.Forward<T>(_layout.ItemEmbedding.Of(p), batch.Item, embedded, d, T.Sqrt(T.CreateTruncating(d)));
        EmbeddingLookup.Forward<T>(_layout.KindEmbedding.Of(p), batch.Kind, embedded, d, T.One);
        EmbeddingLookup.Forward<T>(_layout.GapEmbedding.Of(p), batch.Gap, embedded, d, T.One);
        EmbeddingLookup.Forward<T>(_layout.PositionEmbedding.Of(p), batch.Position, embedded, d, T.One);
        Drop(embedded, a.Stream[0], a.EmbeddedMask, dropout, dropoutKey, 0);
        for (var i = 0; i < s.Blocks; i++)
        {
            var (w, x, next) = (_layout.Blocks[i], a.Blocks[i], a.Stream[i + 1]);
            LayerNorm.Forward<T>(a.Stream[i], w.Norm1Weight.Of(p), w.Norm1Bias.Of(p), x.Norm1, x.Norm1Mean, x.Norm1Rstd, n, d);
            Linear.Forward<T>(x.Norm1, w.QkvWeight.Of(p), w.QkvBias.Of(p), x.Qkv, n, d, 3 * d, _threads);
            CausalSelfAttention.Forward<T>(x.Qkv, x.Attended, x.Weights, batch.Sequences, batch.Length, d, s.Heads, _threads);
            Linear.Forward<T>(x.Attended, w.ProjectionWeight.Of(p), w.ProjectionBias.Of(p), x.Projected, n, d, d, _threads);
            Drop(x.Projected, x.Middle, x.ProjectedMask, dropout, dropoutKey, 3 * i + 1);
            TensorPrimitives.Add<T>(x.Middle, a.Stream[i], x.Middle);
            LayerNorm.Forward<T>(x.Middle, w.Norm2Weight.Of(p), w.Norm2Bias.Of(p), x.Norm2, x.Norm2Mean, x.Norm2Rstd, n, d);
            Linear.Forward<T>(x.Norm2, w.Hidden1Weight.Of(p), w.Hidden1Bias.Of(p), x.Hidden1, n, d, f, _threads);
            Relu.Forward<T>(x.Hidden1, x.Activated);
            Drop(x.Activated, x.ActivatedDropped, x.ActivatedMask, dropout, dropoutKey, 3 * i + 2);
            Linear.Forward<T>(x.ActivatedDropped, w.Hidden2Weight.Of(p), w.Hidden2Bias.Of(p), x.Hidden2, n, f, d, _threads);
            Drop(x.Hidden2, next, x.Hidden2Mask, dropout, dropoutKey, 3 * i + 3);
            TensorPrimitives.Add<T>(next, x.Middle, next);
        }
        LayerNorm.Forward<T>(a.Stream[s.Blocks], _layout.FinalNormWeight.Of(p), _layout.FinalNormBias.Of(p), a.Final, a.FinalMean, a.FinalRstd, n, d);
        Linear.Forward<T>(a.Final, _layout.KindWeight.Of(p), _layout.KindBias.Of(p), a.KindLogits, n, d, s.Kinds, _threads);
        Linear.Forward<T>(a.Final, _layout.IntentWeight.Of(p), _layout.IntentBias.Of(p), a.IntentLogits, n, d, 1, _threads);
    }

    /// <summary>
    /// The losses of the batch last run <see cref="Forward"/> and their gradient, written into <see cref="Gradients"/>
    /// (overwritten, not added to). Each loss is a mean over the positions that have its target.
    /// </summary>
    public Losses Backward(SequenceBatch batch, SequenceLoss loss, double kindWeight, double intentWeight)
    {
        var a = _a ?? throw new InvalidOperationException("Backward needs a Forward first");
        var s = _layout.Shape;
        var (n, d, f, p, g) = (batch.Tokens, s.Dim, s.FeedForward, Parameters, Gradients);
        Array.Clear(g);
        var dFinal = a.Grad.AsSpan();
        dFinal.Clear();
        var items = Count(batch.NextItem);
        var itemLoss = items == 0 ? 0 : loss == SequenceLoss.SoftmaxCrossEntropy
            ? TiedSoftmaxCrossEntropy.ForwardBackward<T>(a.Final, _layout.ItemEmbedding.Of(p), batch.NextItem, dFinal, _layout.ItemEmbedding.Of(g), d,
                T.One / T.CreateTruncating(items), _threads)
            : SampledBinaryCrossEntropy.ForwardBackward<T>(a.Final, _layout.ItemEmbedding.Of(p), batch.NextItem, batch.Negative, dFinal,
                _layout.ItemEmbedding.Of(g), d, T.One / T.CreateTruncating(items));
        var kinds = s.Kinds > 1 && kindWeight > 0 ? Count(batch.NextKind) : 0;
        var kindLoss = 0.0;
        if (kinds > 0)
        {
            kindLoss = ClassCrossEntropy.ForwardBackward<T>(a.KindLogits, batch.NextKind, a.DKind, s.Kinds, T.CreateTruncating(kindWeight / kinds));
            Linear.Backward<T>(a.DKind, a.Final, _layout.KindWeight.Of(p), dFinal, _layout.KindWeight.Of(g), _layout.KindBias.Of(g), n, d, s.Kinds, _threads);
        }
        var intents = intentWeight > 0 ? batch.Intent.Count(l => l >= 0) : 0;
        var intentLoss = 0.0;
        if (intents > 0)
        {
            intentLoss = BinaryCrossEntropy.ForwardBackward<T>(a.IntentLogits, batch.Intent, a.DIntent, T.CreateTruncating(intentWeight / intents));
            Linear.Backward<T>(a.DIntent, a.Final, _layout.IntentWeight.Of(p), dFinal, _layout.IntentWeight.Of(g), _layout.IntentBias.Of(g), n, d, 1, _threads);
        }
        // dx: the gradient flowing down the residual stream.
        var dx = a.Grad2.AsSpan();
        dx.Clear();
        LayerNorm.Backward<T>(dFinal, a.Stream[s.Blocks], _layout.FinalNormWeight.Of(p), a.FinalMean, a.FinalRstd, dx,
            _layout.FinalNormWeight.Of(g), _layout.FinalNormBias.Of(g), n, d);
        var scratch = a.Grad.AsSpan();
        for (var i = s.Blocks - 1; i >= 0; i--)
        {
            var (w, x) = (_layout.Blocks[i], a.Blocks[i]);
            // Feed-forward half: dx is d(next) and stays as d(middle) through the residual.
            var dActivated = a.GradWide.AsSpan();
            var dHidden1 = a.GradWide2.AsSpan();
            scratch.Clear();
            Dropout.Backward<T>(dx, x.Hidden2Mask, scratch);
            dActivated.Clear();
            Linear.Backward<T>(scratch, x.ActivatedDropped, w.Hidden2Weight.Of(p), dActivated, w.Hidden2Weight.Of(g), w.Hidden2Bias.Of(g), n, f, d, _threads);
            dHidden1.Clear();
            Dropout.Backward<T>(dActivated, x.ActivatedMask, dHidden1);
            dActivated.Clear();
            Relu.Backward<T>(dHidden1, x.Hidden1, dActivated);
            scratch.Clear();
            Linear.Backward<T>(dActivated, x.Norm2, w.Hidden1Weight.Of(p), scratch, w.Hidden1Weight.Of(g), w.Hidden1Bias.Of(g), n, d, f, _threads);
            LayerNorm.Backward<T>(scratch, x.Middle, w.Norm2Weight.Of(p), x.Norm2Mean, x.Norm2Rstd, dx, w.Norm2Weight.Of(g), w.Norm2Bias.Of(g), n, d);
            // Attention half: dx is now d(middle) and stays as d(stream i) through the residual.
            scratch.Clear();
            Dropout.Backward<T>(dx, x.ProjectedMask, scratch);
            var dAttended = a.GradWide.AsSpan(0, n * d);
            dAttended.Clear();
            Linear.Backward<T>(scratch, x.Attended, w.ProjectionWeight.Of(p), dAttended, w.ProjectionWeight.Of(g), w.ProjectionBias.Of(g), n, d, d, _threads);
            var dQkv = a.GradQkv.AsSpan();
            dQkv.Clear();
            CausalSelfAttention.Backward<T>(dAttended, x.Qkv, x.Weights, dQkv, batch.Sequences, batch.Length, d, s.Heads, _threads);
            scratch.Clear();
            Linear.Backward<T>(dQkv, x.Norm1, w.QkvWeight.Of(p), scratch, w.QkvWeight.Of(g), w.QkvBias.Of(g), n, d, 3 * d, _threads);
            LayerNorm.Backward<T>(scratch, a.Stream[i], w.Norm1Weight.Of(p), x.Norm1Mean, x.Norm1Rstd, dx, w.Norm1Weight.Of(g), w.Norm1Bias.Of(g), n, d);
        }
        scratch.Clear();
        Dropout.Backward<T>(dx, a.EmbeddedMask, scratch);
        EmbeddingLookup.Backward<T>(scratch, batch.Item, _layout.ItemEmbedding.Of(g), d, T.Sqrt(T.CreateTruncating(d)));
        EmbeddingLookup.Backward<T>(scratch, batch.Kind, _layout.KindEmbedding.Of(g), d, T.One);
        EmbeddingLookup.Backward<T>(scratch, batch.Gap, _layout.GapEmbedding.Of(g), d, T.One);
        EmbeddingLookup.Backward<T>(scratch, batch.Position, _layout.PositionEmbedding.Of(g), d, T.One);
        var (meanItem, meanKind, meanIntent) = (items == 0 ? 0 : itemLoss / items, kinds == 0 ? 0 : kindLoss / kinds, intents == 0 ? 0 : intentLoss / intents);
        return new Losses(meanItem, meanKind, meanIntent, meanItem + kindWeight * meanKind + intentWeight * meanIntent);
    }

    static int Count(int[] targets)
    {
        var count = 0;
        foreach (var t in targets) if (t >= 0) count++;
        return count;
    }

    static void Drop(Span<T> x, Span<T> y, Span<T> mask, double p, ulong key, int site)
    {
        if (p == 0)
        {
            x.CopyTo(y);
            mask.Fill(T.One);
            return;
        }
        Dropout.Forward<T>(x, y, mask, p, key * 0x100000001B3UL + (ulong)site);
    }
}
