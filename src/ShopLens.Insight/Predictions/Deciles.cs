namespace ShopLens.Insight.Predictions;

/// <summary>Score deciles: 1 for the tenth of customers most likely, 10 for the least; ties broken by position.</summary>
public static class Deciles
{
    public static int[] Of(IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();
        var deciles = new int[scores.Count];
        for (var rank = 0; rank < order.Length; rank++) deciles[order[rank]] = 1 + (int)(10L * rank / order.Length);
        return deciles;
    }
}
