using ShopLens.Learning.Calibration;
using ShopLens.Learning.Evaluation;

namespace ShopLens.Learning.Tests.Calibration;

/// <summary>Both calibrators, fitted on one half of a miscalibrated set, cut the other half's expected calibration error.</summary>
public sealed class CalibrationReducesEceTests
{
    [Fact]
    public void Calibrating_timid_probabilities_reduces_the_expected_calibration_error()
    {
        var (scores, labels) = Miscalibrated.Draw(40_000, seed: 2);
        var (fitScores, fitLabels) = (scores[..20_000], labels[..20_000]);
        var (testScores, testLabels) = (scores[20_000..], labels[20_000..]);
        var naive = testScores.Select(Miscalibrated.Sigmoid).ToArray();
        var platt = new PlattTrainer(new PlattOptions()).Fit(fitScores, fitLabels);
        var isotonic = new IsotonicTrainer(new IsotonicOptions()).Fit(fitScores, fitLabels);

        var before = ExpectedCalibrationError.Compute(testLabels, naive);
        var afterPlatt = ExpectedCalibrationError.Compute(testLabels, platt.Transform(testScores));
        var afterIsotonic = ExpectedCalibrationError.Compute(testLabels, isotonic.Transform(testScores));

        Assert.True(before > 0.05, $"naive ECE {before}");
        Assert.True(afterPlatt < 0.015, $"Platt ECE {afterPlatt} (naive {before})");
        Assert.True(afterIsotonic < 0.015, $"isotonic ECE {afterIsotonic} (naive {before})");
        // The true curve is sigmoid(2s): Platt's A should be near −2 and B near 0.
        Assert.InRange(platt.A, -2.15, -1.85);
        Assert.InRange(platt.B, -0.1, 0.1);
    }
}
