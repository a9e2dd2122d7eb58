using ShopLens.Learning.Evaluation;

namespace ShopLens.Learning.Tests.Evaluation;

/// <summary>The model-card bundle is the separate metrics, plus the base rate and the count.</summary>
public sealed class BinaryMetricsTests
{
    [Fact]
    public void Bundles_the_separate_metrics()
    {
        var m = BinaryMetrics.Compute(SmallCase.Labels, SmallCase.Probabilities);

        Assert.Equal(RocAuc.Compute(SmallCase.Labels, SmallCase.Probabilities), m.RocAuc);
        Assert.Equal(AveragePrecision.Compute(SmallCase.Labels, SmallCase.Probabilities), m.AveragePrecision);
        Assert.Equal(LogLoss.Compute(SmallCase.Labels, SmallCase.Probabilities), m.LogLoss);
        Assert.Equal(BrierScore.Compute(SmallCase.Labels, SmallCase.Probabilities), m.BrierScore);
        Assert.Equal(ExpectedCalibrationError.Compute(SmallCase.Labels, SmallCase.Probabilities), m.ExpectedCalibrationError);
        Assert.Equal(7.0 / 16, m.BaseRate);
        Assert.Equal(16, m.Count);
    }

    [Fact]
    public void One_class_or_a_score_that_is_not_a_probability_is_a_typed_error()
    {
        Assert.Throws<LearnerInputException>(() => BinaryMetrics.Compute([1, 1], [0.2, 0.4]));
        Assert.Throws<LearnerInputException>(() => BinaryMetrics.Compute([1, 0], [2.0, 0.4]));
    }
}
