namespace ShopLens.Learning.Sequence;

/// <summary>One finished epoch: its mean losses over the batches, target positions seen, and wall time.</summary>
public readonly record struct SequenceEpoch(int Epoch, double ItemLoss, double KindLoss, double IntentLoss, long Tokens, TimeSpan Elapsed)
{
    public double TokensPerSecond => Tokens / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
