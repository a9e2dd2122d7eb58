namespace ShopLens.Learning.Evaluation;

/// <summary>
/// The headline quality of predicted probabilities for 0/1 labels, as a model card shows it: ranking (ROC AUC, average
/// precision), probability quality (log loss, Brier score, expected calibration error over 10 uniform bins), the base
/// rate (share of label 1) and the number of rows.
/// </summary>
public sealed record BinaryMetrics(
    double RocAuc, double AveragePrecision, double LogLoss, double BrierScore, double ExpectedCalibrationError, double BaseRate, int Count)
{
    /// <summary>All the metrics of <paramref name="probabilities"/> (of label 1, in [0, 1]) for 0/1 <paramref name="labels"/>.</summary>
    /// <exception cref="LearnerInputException">no rows, unequal lengths, a label other than 0/1, a probability outside [0, 1], or one class only</exception>
    public static BinaryMetrics Compute(ReadOnlySpan<float> labels, ReadOnlySpan<double> probabilities)
    {
        var positives = BinaryInput.CheckBothClasses(labels, probabilities, "binary metrics", probabilities: true);
        // Qualified: inside this record the simple names are its properties.
        return new BinaryMetrics(
            Evaluation.RocAuc.Compute(labels, probabilities),
            Evaluation.AveragePrecision.Compute(labels, probabilities),
            Evaluation.LogLoss.Compute(labels, probabilities),
            Evaluation.BrierScore.Compute(labels, probabilities),
            Evaluation.ExpectedCalibrationError.Compute(labels, probabilities),
            (double)positives / labels.Length,
            labels.Length);
    }
}
