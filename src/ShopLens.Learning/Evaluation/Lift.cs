namespace ShopLens.Learning.Evaluation;

/// <summary>
/// Lift: how much richer in positives the highest-scored rows are than all rows. Rows are ranked by descending
/// score, and rows with equal scores keep their input order (the earlier row ranks higher), so a cut through a tie
/// always takes the same rows.
/// </summary>
public static class Lift
{
    /// <summary>
    /// The positive rate among the top ⌈<paramref name="fraction"/>·n⌉ rows over the overall positive rate: at least
    /// one row, and a product less than a relative 1e-12 above an integer counts as that integer, so that 0.1 of 30
    /// rows (3.0000000000000004 in float64) is 3.
    /// </summary>
    /// <exception cref="LearnerInputException">no rows, unequal lengths, a label other than 0/1, a non-finite score or no positive</exception>
    /// <exception cref="ArgumentOutOfRangeException">a fraction outside (0, 1]</exception>
    public static double AtTop(ReadOnlySpan<float> labels, ReadOnlySpan<double> scores, double fraction)
    {
        if (!(fraction > 0 && fraction <= 1)) throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "the fraction of rows must be in (0, 1]");
        var positives = CheckWithPositives(labels, scores);
        var top = (int)Math.Max(1, Math.Ceiling(fraction * labels.Length * (1 - 1e-12)));
        var order = RadixSort.DescendingOrder(scores);
        var hits = 0;
        for (var r = 0; r < top; r++) hits += (int)labels[order[r]];
        return (double)hits / top / ((double)positives / labels.Length);
    }

    /// <summary>
    /// The ten deciles, highest scores first; decile d holds the rows ranked ⌈(d − 1)·n/10⌉ + 1 to ⌈d·n/10⌉, so
    /// the deciles down to d are the top ⌈d·n/10⌉ rows of <see cref="AtTop"/> and their sizes differ by at most one.
    /// </summary>
    /// <exception cref="LearnerInputException">fewer than 10 rows, unequal lengths, a label other than 0/1, a non-finite score or no positive</exception>
    public static IReadOnlyList<LiftDecile> Deciles(ReadOnlySpan<float> labels, ReadOnlySpan<double> scores)
    {
        var positives = CheckWithPositives(labels, scores);
        if (labels.Length < 10) throw new LearnerInputException($"lift: {labels.Length} rows do not make 10 deciles");
        var order = RadixSort.DescendingOrder(scores);
        var overall = (double)positives / labels.Length;
        var deciles = new LiftDecile[10];
        int start = 0, captured = 0;
        for (var d = 1; d <= 10; d++)
        {
            var end = (int)(((long)d * labels.Length + 9) / 10);
            var hits = 0;
            for (var r = start; r < end; r++) hits += (int)labels[order[r]];
            captured += hits;
            var rate = (double)hits / (end - start);
            deciles[d - 1] = new LiftDecile(d, end - start, hits, rate, rate / overall, (double)captured / positives);
            start = end;
        }
        return Array.AsReadOnly(deciles);
    }

    static int CheckWithPositives(ReadOnlySpan<float> labels, ReadOnlySpan<double> scores)
    {
        var positives = BinaryInput.Check(labels, scores, "lift", probabilities: false);
        if (positives == 0) throw new LearnerInputException($"lift: all {labels.Length} labels are 0; lift is relative to the positive rate");
        return positives;
    }
}
