namespace ShopLens.Learning.Calibration;

/// <summary>
/// A fitted map from a model's score to a calibrated probability of label 1, so callers can hold either calibrator;
/// each model type also has a static <c>Load(Stream)</c>.
/// </summary>
public interface ICalibrationModel
{
    /// <summary>The calibrated probability of one score.</summary>
    /// <exception cref="LearnerInputException">a score that is not finite</exception>
    double Predict(double score);

    /// <summary>The calibrated probability of each score.</summary>
    /// <exception cref="LearnerInputException">a score that is not finite, named by row</exception>
    double[] Transform(ReadOnlySpan<double> scores);

    /// <summary>Writes the model; the same model always writes the same bytes.</summary>
    void Save(Stream stream);
}
