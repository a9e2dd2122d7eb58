namespace ShopLens.Learning.Recommenders;

/// <summary>The checks every factor model makes on the arguments of <see cref="IRecommender.Score"/>.</summary>
static class ScoreArguments
{
    public static void Check(int users, int items, int user, ReadOnlySpan<int> historyItems, ReadOnlySpan<float> historyWeights, Span<float> scores)
    {
        if (user < -1 || user >= users) throw new ArgumentOutOfRangeException(nameof(user), user, $"user must be −1 (not seen in training) or in 0 … {users - 1}");
        if (scores.Length != items) throw new ArgumentException($"scores has room for {scores.Length} items; the model has {items}", nameof(scores));
        if (historyItems.Length != historyWeights.Length)
            throw new LearnerInputException($"a history of {historyItems.Length} items and {historyWeights.Length} weights");
        for (var k = 0; k < historyItems.Length; k++)
        {
            if ((uint)historyItems[k] >= (uint)items) throw new LearnerInputException($"history entry {k}: item {historyItems[k]} is outside 0 … {items - 1}");
            if (!(historyWeights[k] > 0) || float.IsInfinity(historyWeights[k])) throw new LearnerInputException($"history entry {k}: weight {historyWeights[k]} is not a finite positive number");
        }
    }
}
