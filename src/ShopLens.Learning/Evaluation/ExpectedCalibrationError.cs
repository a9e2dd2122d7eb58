namespace ShopLens.Learning.Evaluation;

/// <summary>
/// The expected calibration error (Naeini, Cooper and Hauskrecht 2015; Guo et al. 2017, eq. 3):
/// ECE = Σ_b (n_b / n)·|observed rate_b − mean prediction_b| over the bins of <see cref="CalibrationCurve"/> with
/// uniform edges, 0 for predictions that match the observed rates in every bin, at most 1.
/// </summary>
public static class ExpectedCalibrationError
{
    /// <summary>The ECE of <paramref name="probabilities"/> (of label 1, in [0, 1]) for 0/1 <paramref name="labels"/> over <paramref name="bins"/> uniform bins.</summary>
    /// <exception cref="LearnerInputException">no rows, unequal lengths, a label other than 0/1 or a probability outside [0, 1]</exception>
    /// <exception cref="ArgumentOutOfRangeException">fewer than 1 bin</exception>
    public static double Compute(ReadOnlySpan<float> labels, ReadOnlySpan<double> probabilities, int bins = 10)
    {
        var sum = 0.0;
        foreach (var bin in CalibrationCurve.Compute(labels, probabilities, bins, CalibrationBinning.Uniform))
            sum += bin.Count * Math.Abs(bin.ObservedRate - bin.MeanPredicted);
        return sum / labels.Length;
    }
}
