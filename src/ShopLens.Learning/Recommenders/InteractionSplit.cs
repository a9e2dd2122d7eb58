namespace ShopLens.Learning.Recommenders;

/// <summary>
/// Holdout splits that need no clock. Per-user random is microsoft/recommenders' <c>python_stratified_split</c>:
/// every user keeps about the same share of their items in training, so every user is judged.
/// </summary>
public static class InteractionSplit
{
    /// <summary>
    /// For each user, a seeded shuffle of their items sends round(n · testFraction) of them to the test matrix (none
    /// for users with fewer than two items, so nobody loses their whole history), the rest to training.
    /// </summary>
    public static (Interactions Train, Interactions Test) PerUserRandom(Interactions all, double testFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(all);
        if (!(testFraction > 0 && testFraction < 1)) throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "the test fraction must be in (0, 1)");
        var rng = new Random(seed);
        List<int> trainUsers = [], trainItems = [], testUsers = [], testItems = [];
        List<float> trainWeights = [], testWeights = [];
        for (var u = 0; u < all.Users; u++)
        {
            var items = all.ItemsOf(u);
            var weights = all.WeightsOf(u);
            var order = Enumerable.Range(0, items.Length).ToArray();
            rng.Shuffle(order);
            var test = items.Length < 2 ? 0 : Math.Min(items.Length - 1, (int)Math.Round(items.Length * testFraction, MidpointRounding.AwayFromZero));
            for (var k = 0; k < order.Length; k++)
            {
                var (users, columns, values) = k < test ? (testUsers, testItems, testWeights) : (trainUsers, trainItems, trainWeights);
                users.Add(u);
                columns.Add(items[order[k]]);
                values.Add(weights[order[k]]);
            }
        }
        return (Interactions.FromTriples(all.Users, all.Items, [.. trainUsers], [.. trainItems], [.. trainWeights]),
            Interactions.FromTriples(all.Users, all.Items, [.. testUsers], [.. testItems], [.. testWeights]));
    }
}
