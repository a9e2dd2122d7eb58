namespace ShopLens.Learning.Clustering;

/// <summary>
/// The adjusted Rand index of two partitions of the same items (Hubert and Arabie 1985): 1 for the same partition
/// (whatever the label values), about 0 for unrelated ones, negative below chance. Computed from the pair confusion
/// matrix as scikit-learn's <c>adjusted_rand_score</c>, in exact integers.
/// </summary>
public static class AdjustedRandIndex
{
    /// <exception cref="ArgumentException">the two label lists differ in length</exception>
    public static double Score(IReadOnlyList<int> truth, IReadOnlyList<int> predicted)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        if (truth.Count != predicted.Count) throw new ArgumentException($"{truth.Count} true labels but {predicted.Count} predicted ones");
        long n = truth.Count;
        var cells = new Dictionary<(int, int), long>();
        var rows = new Dictionary<int, long>();
        var columns = new Dictionary<int, long>();
        for (var i = 0; i < truth.Count; i++)
        {
            cells[(truth[i], predicted[i])] = cells.GetValueOrDefault((truth[i], predicted[i])) + 1;
            rows[truth[i]] = rows.GetValueOrDefault(truth[i]) + 1;
            columns[predicted[i]] = columns.GetValueOrDefault(predicted[i]) + 1;
        }
        // Ordered pairs of distinct items: together in both (tp), in the prediction only (fp), in the truth only (fn), in neither (tn).
        Int128 sumSquares = 0, rowSquares = 0, columnSquares = 0;
        foreach (var c in cells.Values) sumSquares += (Int128)c * c;
        foreach (var r in rows.Values) rowSquares += (Int128)r * r;
        foreach (var c in columns.Values) columnSquares += (Int128)c * c;
        var tp = sumSquares - n;
        var fp = columnSquares - sumSquares;
        var fn = rowSquares - sumSquares;
        var tn = (Int128)n * n - fp - fn - sumSquares;
        if (fn == 0 && fp == 0) return 1.0;
        var numerator = 2 * (tp * tn - fn * fp);
        var denominator = (tp + fn) * (fn + tn) + (tp + fp) * (fp + tn);
        return (double)numerator / (double)denominator;
    }
}
