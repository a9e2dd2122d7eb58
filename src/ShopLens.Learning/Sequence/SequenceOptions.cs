namespace ShopLens.Learning.Sequence;

/// <summary>
/// The sequence model's size and training. The defaults are SASRec.pytorch's (hidden 50, 2 blocks, 1 head, length
/// 200, batch 128, learning rate 1e-3, dropout 0.2) with the full-softmax loss.
/// </summary>
public sealed record SequenceOptions
{
    public int Dim { get; init; } = 50;

    public int Blocks { get; init; } = 2;

    public int Heads { get; init; } = 1;

    /// <summary>The last this many events of a sequence are read; longer ones are cut from the front.</summary>
    public int MaxLength { get; init; } = 200;

    /// <summary>Width of the point-wise feed-forward layer; 0 means <see cref="Dim"/>, as in SASRec.</summary>
    public int FeedForward { get; init; }

    public double Dropout { get; init; } = 0.2;

    public SequenceLoss Loss { get; init; } = SequenceLoss.SoftmaxCrossEntropy;

    public int Epochs { get; init; } = 20;

    public int BatchSize { get; init; } = 128;

    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Steps over which the learning rate rises linearly from 0.</summary>
    public int WarmupSteps { get; init; } = 100;

    /// <summary>AdamW's decoupled decay, on the matrices of the attention and feed-forward layers only.</summary>
    public double WeightDecay { get; init; }

    /// <summary>Weight of the next-kind head's loss beside the next item's.</summary>
    public double KindWeight { get; init; } = 0.2;

    /// <summary>The kind whose occurrence within <see cref="IntentHorizonDays"/> the intent head learns (a purchase); null: no intent head training.</summary>
    public int? IntentKind { get; init; }

    public double IntentHorizonDays { get; init; } = 7;

    /// <summary>Weight of the intent head's loss beside the next item's.</summary>
    public double IntentWeight { get; init; } = 0.2;

    /// <summary>Buckets of the time since the previous event (bucket 0: first event; then log₂ of the seconds).</summary>
    public int GapBuckets { get; init; } = 24;

    public int Threads { get; init; } = Environment.ProcessorCount;

    public int Seed { get; init; } = 42;

    internal int FeedForwardWidth => FeedForward == 0 ? Dim : FeedForward;

    /// <exception cref="ArgumentException">a setting out of range, named</exception>
    public void Validate()
    {
        if (Dim < 1) throw new ArgumentException($"sequence model: dim must be ≥ 1 (got {Dim})");
        if (Heads < 1 || Dim % Heads != 0) throw new ArgumentException($"sequence model: heads must divide dim {Dim} (got {Heads})");
        if (Blocks < 1) throw new ArgumentException($"sequence model: blocks must be ≥ 1 (got {Blocks})");
        if (MaxLength < 2) throw new ArgumentException($"sequence model: max length must be ≥ 2 (got {MaxLength})");
        if (FeedForward < 0) throw new ArgumentException($"sequence model: feed-forward width must be ≥ 0 (got {FeedForward})");
        if (!(Dropout >= 0 && Dropout < 1)) throw new ArgumentException($"sequence model: dropout must be in [0, 1) (got {Dropout})");
        if (Epochs < 1) throw new ArgumentException($"sequence model: epochs must be ≥ 1 (got {Epochs})");
        if (BatchSize < 1) throw new ArgumentException($"sequence model: batch size must be ≥ 1 (got {BatchSize})");
        if (!(LearningRate > 0)) throw new ArgumentException($"sequence model: learning rate must be > 0 (got {LearningRate})");
        if (WarmupSteps < 0) throw new ArgumentException($"sequence model: warm-up steps must be ≥ 0 (got {WarmupSteps})");
        if (!(WeightDecay >= 0)) throw new ArgumentException($"sequence model: weight decay must be ≥ 0 (got {WeightDecay})");
        if (!(KindWeight >= 0) || !(IntentWeight >= 0)) throw new ArgumentException("sequence model: head weights must be ≥ 0");
        if (!(IntentHorizonDays > 0)) throw new ArgumentException($"sequence model: intent horizon must be > 0 days (got {IntentHorizonDays})");
        if (GapBuckets < 2) throw new ArgumentException($"sequence model: gap buckets must be ≥ 2 (got {GapBuckets})");
        if (Threads < 1) throw new ArgumentException($"sequence model: threads must be ≥ 1 (got {Threads})");
    }
}
