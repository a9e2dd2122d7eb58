using ShopLens.Learning.Evaluation;

namespace ShopLens.Learning.Tests.Evaluation;

/// <summary>Expected calibration error: zero on calibrated bins, one at worst, and the weighted mean gap on the small case.</summary>
public sealed class ExpectedCalibrationErrorTests
{
    [Fact]
    public void Predictions_that_equal_each_bins_observed_rate_have_no_error()
    {
        // Four rows at 0.25 with one positive, four at 0.75 with three, two certain negatives and one certain positive.
        float[] labels = [1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1];
        double[] probabilities = [0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75, 0, 0, 1];

        Assert.Equal(0.0, ExpectedCalibrationError.Compute(labels, probabilities));
    }

    [Fact]
    public void Certain_wrong_answers_have_error_1()
    {
        Assert.Equal(1.0, ExpectedCalibrationError.Compute([0, 0, 1], [1, 1, 0]));
    }

    // Σ n_b·|prob_true_b − prob_pred_b| / n over scikit-learn 1.2.1's calibration_curve(y, p, n_bins=10) on SmallCase,
    // with the bin counts of CalibrationCurveTests: 0.17812500000000003.
    [Fact]
    public void Is_the_count_weighted_gap_of_scikit_learns_bins()
    {
        Assert.Equal(0.17812500000000003, ExpectedCalibrationError.Compute(SmallCase.Labels, SmallCase.Probabilities), 15);
    }
}
