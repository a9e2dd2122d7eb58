namespace ShopLens.Learning.Evaluation;

/// <summary>
/// The confusion counts of predicting 1 where the probability (or score) is at least <see cref="Threshold"/>, and the
/// rates built from them. A rate whose denominator is 0 is 0, as scikit-learn's <c>zero_division="warn"</c> returns
/// (precision when nothing is predicted positive, recall when nothing is positive).
/// </summary>
public sealed record ThresholdMetrics(double Threshold, int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    public int Count => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;

    /// <summary>TP / (TP + FP): the share of predicted positives that are positive.</summary>
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN): the share of positives predicted positive.</summary>
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    /// <summary>The harmonic mean of precision and recall, computed as 2TP / (2TP + FP + FN) (scikit-learn's <c>f1_score</c>).</summary>
    public double F1 => Ratio(2L * TruePositives, 2L * TruePositives + FalsePositives + FalseNegatives);

    /// <summary>(TP + TN) / n.</summary>
    public double Accuracy => Ratio(TruePositives + (long)TrueNegatives, Count);

    /// <summary>The counts of predicting 1 for the rows whose <paramref name="probabilities"/> are ≥ <paramref name="threshold"/>.</summary>
    /// <exception cref="LearnerInputException">no rows, unequal lengths, a label other than 0/1 or a non-finite score</exception>
    /// <exception cref="ArgumentException">a NaN threshold</exception>
    public static ThresholdMetrics At(ReadOnlySpan<float> labels, ReadOnlySpan<double> probabilities, double threshold)
    {
        if (double.IsNaN(threshold)) throw new ArgumentException("the threshold is NaN", nameof(threshold));
        BinaryInput.Check(labels, probabilities, "threshold metrics", probabilities: false);
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var positive = labels[i] == 1f;
            if (probabilities[i] >= threshold)
            {
                if (positive) tp++;
                else fp++;
            }
            else if (positive) fn++;
            else tn++;
        }
        return new ThresholdMetrics(threshold, tp, fp, tn, fn);
    }

    static double Ratio(long numerator, long denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
