namespace ShopLens.Learning.Calibration;

/// <summary>
/// Isotonic calibration, as scikit-learn's <c>IsotonicRegression(out_of_bounds="clip")</c>: the monotone step
/// function of the score closest to the labels in least squares (<see cref="PoolAdjacentViolators"/>), interpolated
/// linearly between its steps and held constant beyond the fitted scores. Non-parametric, so it wants a few thousand
/// pairs; with fewer, <see cref="PlattTrainer"/> overfits less (Niculescu-Mizil and Caruana 2005).
/// </summary>
public sealed class IsotonicTrainer(IsotonicOptions options)
{
    /// <summary>scikit-learn's <c>_make_unique</c> pools scores this close (float64's resolution) to the first of a run.</summary>
    const double TieTolerance = 1e-15;

    readonly IsotonicOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>
    /// Fits the calibration map on (score, label) pairs: labels are usually 0/1, but any finite target is fitted by its
    /// mean, and rows with (nearly) equal scores are pooled into one point first.
    /// </summary>
    /// <exception cref="LearnerInputException">no pairs, unequal lengths, or a score or label that is not finite</exception>
    public IsotonicModel Fit(ReadOnlySpan<double> scores, ReadOnlySpan<float> labels)
    {
        CalibrationInput.CheckFit(scores, labels, "isotonic calibration", binary: false);
        var (x, y, w) = PooledTies(scores, labels);
        if (_options.Increasing) PoolAdjacentViolators.Fit(y, w);
        else
        {
            // scikit-learn fits a decreasing map as the increasing fit of the reversed sequence.
            y.AsSpan().Reverse();
            w.AsSpan().Reverse();
            PoolAdjacentViolators.Fit(y, w);
            y.AsSpan().Reverse();
        }
        var (thresholds, values) = Trimmed(x, y);
        return new IsotonicModel(thresholds, values, _options.Increasing);
    }

    /// <summary>
    /// The pairs sorted by score (then label, as scikit-learn's <c>lexsort</c>), each run of scores within
    /// <see cref="TieTolerance"/> of its first becoming one point at that score, with the run's mean label and its
    /// size as weight.
    /// </summary>
    static (double[] X, double[] Y, double[] W) PooledTies(ReadOnlySpan<double> scores, ReadOnlySpan<float> labels)
    {
        var keys = scores.ToArray();
        var targets = new double[labels.Length];
        for (var i = 0; i < targets.Length; i++) targets[i] = labels[i];
        Array.Sort(keys, targets);
        for (int start = 0, end; start < keys.Length; start = end)
        {
            for (end = start + 1; end < keys.Length && keys[end] == keys[start]; end++) { }
            Array.Sort(targets, start, end - start);
        }
        List<double> x = [], y = [], w = [];
        for (int start = 0, end; start < keys.Length; start = end)
        {
            var sum = 0.0;
            for (end = start; end < keys.Length && keys[end] - keys[start] < TieTolerance; end++) sum += targets[end];
            x.Add(keys[start]);
            y.Add(sum / (end - start));
            w.Add(end - start);
        }
        return ([.. x], [.. y], [.. w]);
    }

    /// <summary>
    /// The fitted points without the inner points of flat runs, which linear interpolation does not need
    /// (scikit-learn's <c>trim_duplicates</c>): the first, the last, and every point whose value differs from a
    /// neighbour's.
    /// </summary>
    static (double[] X, double[] Y) Trimmed(double[] x, double[] y)
    {
        List<double> keptX = [], keptY = [];
        for (var i = 0; i < x.Length; i++)
        {
            if (i > 0 && i < x.Length - 1 && y[i] == y[i - 1] && y[i] == y[i + 1]) continue;
            keptX.Add(x[i]);
            keptY.Add(y[i]);
        }
        return ([.. keptX], [.. keptY]);
    }
}
