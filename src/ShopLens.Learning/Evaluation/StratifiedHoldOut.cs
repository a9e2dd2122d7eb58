namespace ShopLens.Learning.Evaluation;

/// <summary>
/// A seeded, stratified hold-out: of each class, a shuffled <c>⌊share · n⌋</c> rows are held out, so both sides keep
/// the class balance (scikit-learn's <c>train_test_split(stratify=y)</c> in spirit, not in its draws).
/// </summary>
public static class StratifiedHoldOut
{
    /// <summary>Whether each row is held out.</summary>
    public static bool[] Draw(IReadOnlyList<bool> labels, double share, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (!(share is > 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(share), share, "the share held out must be between 0 and 1");
        var random = new Random(seed);
        var held = new bool[labels.Count];
        foreach (var label in new[] { false, true })
        {
            var rows = Enumerable.Range(0, labels.Count).Where(i => labels[i] == label).ToArray();
            random.Shuffle(rows);
            foreach (var i in rows.Take((int)Math.Floor(rows.Length * share))) held[i] = true;
        }
        return held;
    }
}
