namespace ShopLens.Learning.Evaluation;

/// <summary>
/// How well predicted values (spend, lifetime value) match what happened: MAE, RMSE, Spearman's rank correlation
/// (ties at their average rank, as scipy's <c>spearmanr</c>) and the normalised Gini of Wang, Liu &amp; Miao (2019) —
/// the Gini of the actual values ordered by prediction over the Gini of the ideal order, 1 for a perfect ranking.
/// </summary>
public sealed record ValueMetrics(double Mae, double Rmse, double Spearman, double NormalizedGini, int Count)
{
    /// <exception cref="LearnerInputException">no rows, unequal lengths or a value that is not finite</exception>
    public static ValueMetrics Compute(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted)
    {
        Check(actual, predicted, "value metrics");
        double absolute = 0, squared = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var e = predicted[i] - actual[i];
            absolute += Math.Abs(e);
            squared += e * e;
        }
        return new ValueMetrics(absolute / actual.Length, Math.Sqrt(squared / actual.Length), RankCorrelation(actual, predicted),
            Gini(actual, predicted) / Gini(actual, actual), actual.Length);
    }

    internal static void Check(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted, string what)
    {
        if (actual.Length == 0) throw new LearnerInputException($"{what}: no rows");
        if (actual.Length != predicted.Length) throw new LearnerInputException($"{what}: {actual.Length} actual values for {predicted.Length} predictions");
        for (var i = 0; i < actual.Length; i++)
            if (!double.IsFinite(actual[i]) || !double.IsFinite(predicted[i]))
                throw new LearnerInputException($"{what}: row {i} has actual {actual[i]} and prediction {predicted[i]}; both must be finite");
    }

    /// <summary>Pearson's correlation of the average ranks; NaN when either side is constant.</summary>
    static double RankCorrelation(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var (ra, rb) = (Ranks(a), Ranks(b));
        var mean = (a.Length + 1) / 2.0;
        double sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var (da, db) = (ra[i] - mean, rb[i] - mean);
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa == 0 || sbb == 0 ? double.NaN : sab / Math.Sqrt(saa * sbb);
    }

    static double[] Ranks(ReadOnlySpan<double> values)
    {
        var order = Enumerable.Range(0, values.Length).ToArray();
        var keys = values.ToArray();
        Array.Sort(keys, order);
        var ranks = new double[values.Length];
        for (var start = 0; start < keys.Length;)
        {
            var end = start;
            while (end + 1 < keys.Length && keys[end + 1] == keys[start]) end++;
            var average = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++) ranks[order[k]] = average;
            start = end + 1;
        }
        return ranks;
    }

    /// <summary>The Kaggle/Wang et al. Gini: actual values ordered by prediction (highest first, ties by row), cumulative share.</summary>
    static double Gini(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted)
    {
        var order = Enumerable.Range(0, actual.Length).ToArray();
        var keys = predicted.ToArray();
        var a = actual.ToArray();
        Array.Sort(order, (i, j) => keys[j].CompareTo(keys[i]) is var c && c != 0 ? c : i.CompareTo(j));
        double total = 0, cumulative = 0, sum = 0;
        foreach (var i in order) total += a[i];
        if (total == 0) return double.NaN;
        foreach (var i in order)
        {
            cumulative += a[i];
            sum += cumulative / total;
        }
        return (sum - (a.Length + 1) / 2.0) / a.Length;
    }
}
