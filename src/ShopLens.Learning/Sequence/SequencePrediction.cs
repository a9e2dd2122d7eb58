namespace ShopLens.Learning.Sequence;

/// <summary>
/// What the model expects after a sequence: a score per item (higher is likelier next; a softmax of them is the
/// model's next-item distribution), the probability of each kind for the next event, and the probability that the
/// intent kind occurs within the horizon (null when the model was not trained for it).
/// </summary>
public sealed class SequencePrediction(float[] itemScores, float[] kindProbabilities, double? intent)
{
    public float[] ItemScores { get; } = itemScores;

    public float[] KindProbabilities { get; } = kindProbabilities;

    public double? Intent { get; } = intent;

    /// <summary>
    /// The <paramref name="k"/> best items, best first (ties by lower index), leaving out <paramref name="exclude"/>
    /// (e.g. what cannot be bought again): a partial selection, as live serving needs it in well under a millisecond.
    /// </summary>
    public int[] TopItems(int k, IReadOnlySet<int>? exclude = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        int[] excluded = exclude is null ? [] : [.. exclude.Where(i => (uint)i < (uint)ItemScores.Length).Order()];
        return Recommenders.TopItems.Select(ItemScores, k, excluded);
    }
}
