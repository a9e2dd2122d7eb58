namespace ShopLens.Learning.Sequence;

/// <summary>
/// Where each parameter tensor lives in one flat array (llm.c's ParameterTensors): the gradients and AdamW's moments
/// use the same layout, so the optimiser is one loop and saving is one write.
/// </summary>
sealed class SequenceLayout
{
    /// <summary>A tensor's place; <see cref="Decays"/> marks the matrices AdamW's weight decay applies to.</summary>
    public readonly record struct Tensor(int Offset, int Length, bool Decays)
    {
        public Span<T> Of<T>(T[] values) => values.AsSpan(Offset, Length);
    }

    /// <summary>One block's tensors: pre-attention norm, qkv and output projections, pre-feed-forward norm, the two feed-forward layers.</summary>
    public sealed record Block(Tensor Norm1Weight, Tensor Norm1Bias, Tensor QkvWeight, Tensor QkvBias, Tensor ProjectionWeight, Tensor ProjectionBias,
        Tensor Norm2Weight, Tensor Norm2Bias, Tensor Hidden1Weight, Tensor Hidden1Bias, Tensor Hidden2Weight, Tensor Hidden2Bias);

    readonly List<Tensor> _all = [];

    public SequenceLayout(SequenceShape shape)
    {
        Shape = shape;
        var (d, f) = (shape.Dim, shape.FeedForward);
        ItemEmbedding = Add(shape.Items * d);
        KindEmbedding = Add(shape.Kinds * d);
        GapEmbedding = Add(shape.GapBuckets * d);
        PositionEmbedding = Add(shape.MaxLength * d);
        Blocks = [.. Enumerable.Range(0, shape.Blocks).Select(_ => new Block(Add(d), Add(d), Add(d * 3 * d, true), Add(3 * d), Add(d * d, true), Add(d),
            Add(d), Add(d), Add(d * f, true), Add(f), Add(f * d, true), Add(d)))];
        FinalNormWeight = Add(d);
        FinalNormBias = Add(d);
        KindWeight = Add(d * shape.Kinds, true);
        KindBias = Add(shape.Kinds);
        IntentWeight = Add(d, true);
        IntentBias = Add(1);
    }

    public SequenceShape Shape { get; }

    public Tensor ItemEmbedding { get; }
    public Tensor KindEmbedding { get; }
    public Tensor GapEmbedding { get; }
    public Tensor PositionEmbedding { get; }
    public Block[] Blocks { get; }
    public Tensor FinalNormWeight { get; }
    public Tensor FinalNormBias { get; }
    public Tensor KindWeight { get; }
    public Tensor KindBias { get; }
    public Tensor IntentWeight { get; }
    public Tensor IntentBias { get; }

    public IReadOnlyList<Tensor> All => _all;

    public int Size { get; private set; }

    Tensor Add(int length, bool decays = false)
    {
        var tensor = new Tensor(Size, length, decays);
        Size += length;
        _all.Add(tensor);
        return tensor;
    }

    /// <summary>
    /// GPT-2's initialisation: weights and embeddings N(0, 0.02²), the residual projections scaled by 1/√(2 · blocks),
    /// norms' weights 1, biases 0.
    /// </summary>
    public float[] Initial(int seed)
    {
        var values = new float[Size];
        var rng = new Random(seed);
        var residual = 0.02 / Math.Sqrt(2 * Blocks.Length);
        void Normal(Tensor t, double sd)
        {
            // Box–Muller: a standard normal from two uniforms.
            foreach (ref var v in t.Of(values)) v = (float)(sd * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()));
        }
        foreach (var t in new[] { ItemEmbedding, KindEmbedding, GapEmbedding, PositionEmbedding, KindWeight, IntentWeight }) Normal(t, 0.02);
        foreach (var b in Blocks)
        {
            b.Norm1Weight.Of(values).Fill(1);
            b.Norm2Weight.Of(values).Fill(1);
            Normal(b.QkvWeight, 0.02);
            Normal(b.Hidden1Weight, 0.02);
            Normal(b.ProjectionWeight, residual);
            Normal(b.Hidden2Weight, residual);
        }
        FinalNormWeight.Of(values).Fill(1);
        return values;
    }
}
