namespace ShopLens.Insight.Predictions;

/// <summary>
/// How unsure each score is when data are thin: the scorer is refitted on resamples (with replacement) of the
/// training customers — a drawn customer brings all their snapshot rows — and each customer's interval is the 5th
/// to 95th percentile of their scores across refits, widened to contain the score itself.
/// </summary>
static class BootstrapIntervals
{
    public static (double[] Low, double[] High) Compute(TaskFrame training, TaskFrame scored, double[] scores, string learner,
        TrainingOptions options, CancellationToken ct)
    {
        var width = training.Width;
        var rowsOf = Enumerable.Range(0, training.Rows).GroupBy(i => training.Keys[i]).Select(g => g.ToArray()).ToArray();
        var rng = new Random(options.Seed);
        var draws = new List<double[]>(options.BootstrapModels);
        for (var b = 0; b < options.BootstrapModels; b++)
        {
            ct.ThrowIfCancellationRequested();
            var picked = new List<int>(training.Rows);
            for (var c = 0; c < rowsOf.Length; c++) picked.AddRange(rowsOf[rng.Next(rowsOf.Length)]);
            var keys = new int[picked.Count];
            var x = new float[picked.Count * width];
            var y = new float[picked.Count];
            for (var i = 0; i < picked.Count; i++)
            {
                keys[i] = training.Keys[picked[i]];
                y[i] = training.Labels![picked[i]];
                training.Features.AsSpan(picked[i] * width, width).CopyTo(x.AsSpan(i * width));
            }
            var resample = new TaskFrame { CutOff = training.CutOff, Keys = keys, Features = x, Labels = y, Columns = training.Columns };
            try
            {
                draws.Add(ScorerFit.Fit(resample, [learner], options.Seed + b + 1, options.Threads, ct).Scorer.Probabilities(scored.Features));
            }
            catch (InsufficientDataException)
            {
                // A resample that lost every customer of the rare outcome has no model to give; the others still count.
            }
        }
        var low = new double[scored.Rows];
        var high = new double[scored.Rows];
        var column = new double[draws.Count];
        for (var i = 0; i < scored.Rows; i++)
        {
            for (var b = 0; b < draws.Count; b++) column[b] = draws[b][i];
            Array.Sort(column);
            (low[i], high[i]) = draws.Count == 0 ? (0, 1)
                : (Math.Min(scores[i], Percentile(column, 0.05)), Math.Max(scores[i], Percentile(column, 0.95)));
        }
        return (low, high);
    }

    static double Percentile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }
}
