namespace ShopLens.Learning.Sequence;

/// <summary>
/// One finished epoch: its mean losses over the batches, target positions seen, wall time, and
/// <see cref="Snapshot"/>, which copies the model as it stands (to evaluate it while training goes on).
/// </summary>
public readonly record struct SequenceEpoch(int Epoch, double ItemLoss, double KindLoss, double IntentLoss, long Tokens, TimeSpan Elapsed,
    Func<SequenceModel> Snapshot)
{
    public double TokensPerSecond => Tokens / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
