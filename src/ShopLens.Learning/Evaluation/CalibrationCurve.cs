namespace ShopLens.Learning.Evaluation;

/// <summary>
/// The reliability diagram of predicted probabilities, as scikit-learn's <c>calibration_curve</c>: rows binned by
/// prediction, with each bin's mean prediction beside its observed rate of label 1. A probability on an inner edge
/// goes to the bin below it (numpy's <c>searchsorted</c>, side left), and empty bins are left out.
/// </summary>
public static class CalibrationCurve
{
    /// <summary>
    /// The non-empty bins, lowest first, of <paramref name="bins"/> uniform bins over [0, 1] or quantile bins of the
    /// predictions (tied predictions can make quantile edges coincide, which leaves fewer bins).
    /// </summary>
    /// <exception cref="LearnerInputException">no rows, unequal lengths, a label other than 0/1 or a probability outside [0, 1]</exception>
    /// <exception cref="ArgumentOutOfRangeException">fewer than 1 bin, or a strategy that is not a <see cref="CalibrationBinning"/></exception>
    public static IReadOnlyList<CalibrationBin> Compute(
        ReadOnlySpan<float> labels, ReadOnlySpan<double> probabilities, int bins = 10, CalibrationBinning strategy = CalibrationBinning.Uniform)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (!Enum.IsDefined(strategy)) throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "not a binning strategy");
        BinaryInput.Check(labels, probabilities, "calibration curve", probabilities: true);
        var edges = strategy == CalibrationBinning.Quantile ? QuantileEdges(probabilities, bins) : UniformEdges(bins);
        var counts = new int[bins];
        var predicted = new double[bins];
        var observed = new double[bins];
        var inner = edges.AsSpan(1, bins - 1);
        for (var i = 0; i < labels.Length; i++)
        {
            var b = EdgesBelow(inner, probabilities[i]);
            counts[b]++;
            predicted[b] += probabilities[i];
            observed[b] += labels[i];
        }
        var result = new List<CalibrationBin>(bins);
        for (var b = 0; b < bins; b++)
            if (counts[b] > 0) result.Add(new CalibrationBin(edges[b], edges[b + 1], counts[b], predicted[b] / counts[b], observed[b] / counts[b]));
        return result.AsReadOnly();
    }

    /// <summary>numpy's <c>linspace(0, 1, bins + 1)</c>: i·(1/bins), so the edges match scikit-learn's to the last bit.</summary>
    static double[] UniformEdges(int bins)
    {
        var edges = new double[bins + 1];
        var step = 1.0 / bins;
        for (var i = 0; i < bins; i++) edges[i] = i * step;
        edges[bins] = 1;
        return edges;
    }

    /// <summary>
    /// numpy's <c>percentile(p, linspace(0, 1, bins + 1) * 100)</c>, its default linear method: the value at
    /// position q·(n − 1) of the sorted predictions, interpolated as numpy's <c>_lerp</c> (from the upper end when
    /// the fraction is at least ½), so tied predictions give the same edges as scikit-learn's.
    /// </summary>
    static double[] QuantileEdges(ReadOnlySpan<double> probabilities, int bins)
    {
        var sorted = probabilities.ToArray();
        Array.Sort(sorted);
        var edges = new double[bins + 1];
        var step = 1.0 / bins;
        for (var i = 0; i <= bins; i++)
        {
            var q = (i == bins ? 1.0 : i * step) * 100 / 100;
            var position = (sorted.Length - 1) * q;
            var below = (int)Math.Floor(position);
            if (below >= sorted.Length - 1)
            {
                edges[i] = sorted[^1];
                continue;
            }
            var (a, b, t) = (sorted[below], sorted[below + 1], position - below);
            edges[i] = t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
        }
        return edges;
    }

    /// <summary>The number of inner edges strictly below <paramref name="p"/>: its bin.</summary>
    static int EdgesBelow(ReadOnlySpan<double> inner, double p)
    {
        int lo = 0, hi = inner.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (inner[mid] < p) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
