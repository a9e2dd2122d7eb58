using ShopLens.Learning.Evaluation;

namespace ShopLens.Insight.Reviews;

/// <summary>
/// How well sentiment probabilities matched labels the classifier never trained on: accuracy and F1 at 0.5 (of the
/// positive class, the negative class and their mean), AUC, Brier score, expected calibration error and the
/// reliability curve (10 uniform bins), beside the accuracy of always answering the larger class.
/// </summary>
public sealed record SentimentMetrics(int Rows, int Positives, double Accuracy, double F1, double NegativeF1, double MacroF1,
    double Auc, double Brier, double Ece, double MajorityAccuracy, IReadOnlyList<CalibrationBin> CalibrationCurve)
{
    public static SentimentMetrics Compute(IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(probabilities);
        var y = labels.Select(l => l ? 1f : 0f).ToArray();
        var p = probabilities.ToArray();
        var positive = ThresholdMetrics.At(y, p, 0.5);
        // The negative class's F1 from the same counts: its true positives are the true negatives.
        var negativeF1 = positive.TrueNegatives == 0 ? 0 : 2.0 * positive.TrueNegatives / (2.0 * positive.TrueNegatives + positive.FalseNegatives + positive.FalsePositives);
        var positives = labels.Count(l => l);
        var bothClasses = positives > 0 && positives < labels.Count;
        return new SentimentMetrics(labels.Count, positives, positive.Accuracy, positive.F1, negativeF1, (positive.F1 + negativeF1) / 2,
            bothClasses ? RocAuc.Compute(y, p) : double.NaN, BrierScore.Compute(y, p), ExpectedCalibrationError.Compute(y, p),
            (double)Math.Max(positives, labels.Count - positives) / labels.Count, Learning.Evaluation.CalibrationCurve.Compute(y, p));
    }
}
