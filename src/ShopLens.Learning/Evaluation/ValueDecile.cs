namespace ShopLens.Learning.Evaluation;

/// <summary>One tenth of the rows by predicted value (1 = highest): mean predicted and mean actual value, and its share of the actual total.</summary>
public sealed record ValueDecile(int Decile, int Count, double MeanPredicted, double MeanActual, double ActualShare)
{
    /// <summary>The ten deciles (rows split as <see cref="Lift.Deciles"/> splits them; ties keep row order).</summary>
    /// <exception cref="LearnerInputException">fewer than 10 rows, unequal lengths or a value that is not finite</exception>
    public static IReadOnlyList<ValueDecile> Compute(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted)
    {
        ValueMetrics.Check(actual, predicted, "value deciles");
        if (actual.Length < 10) throw new LearnerInputException($"value deciles: {actual.Length} rows do not make 10 deciles");
        var keys = predicted.ToArray();
        var order = Enumerable.Range(0, actual.Length).ToArray();
        Array.Sort(order, (i, j) => keys[j].CompareTo(keys[i]) is var c && c != 0 ? c : i.CompareTo(j));
        var total = 0.0;
        foreach (var v in actual) total += v;
        var deciles = new ValueDecile[10];
        var start = 0;
        for (var d = 1; d <= 10; d++)
        {
            var end = (int)(((long)d * actual.Length + 9) / 10);
            double p = 0, a = 0;
            for (var r = start; r < end; r++) (p, a) = (p + predicted[order[r]], a + actual[order[r]]);
            var n = end - start;
            deciles[d - 1] = new ValueDecile(d, n, p / n, a / n, total == 0 ? double.NaN : a / total);
            start = end;
        }
        return Array.AsReadOnly(deciles);
    }
}
