using ShopLens.Learning.Evaluation;

namespace ShopLens.Learning.Tests.Evaluation;

/// <summary>Confusion counts and rates at a threshold against scikit-learn, and the zero-division convention.</summary>
public sealed class ThresholdMetricsTests
{
    // scikit-learn 1.2.1: precision_score, recall_score, f1_score(zero_division=0) and accuracy_score of (p >= t) on SmallCase.
    [Theory]
    [InlineData(0.5, 4, 3, 6, 3, 0.5714285714285714, 0.5714285714285714, 0.5714285714285714, 0.625)]
    [InlineData(0.4, 5, 5, 4, 2, 0.5, 0.7142857142857143, 0.588235294117647, 0.5625)]
    [InlineData(0.95, 0, 0, 9, 7, 0.0, 0.0, 0.0, 0.5625)]
    public void Match_scikit_learn(double threshold, int tp, int fp, int tn, int fn, double precision, double recall, double f1, double accuracy)
    {
        var m = ThresholdMetrics.At(SmallCase.Labels, SmallCase.Probabilities, threshold);

        Assert.Equal((tp, fp, tn, fn, 16), (m.TruePositives, m.FalsePositives, m.TrueNegatives, m.FalseNegatives, m.Count));
        Assert.Equal(precision, m.Precision, 15);
        Assert.Equal(recall, m.Recall, 15);
        Assert.Equal(f1, m.F1, 15);
        Assert.Equal(accuracy, m.Accuracy, 15);
    }

    [Fact]
    public void A_score_equal_to_the_threshold_is_predicted_positive()
    {
        var m = ThresholdMetrics.At([1, 0], [0.3, 0.2], 0.3);

        Assert.Equal((1, 0, 1, 0), (m.TruePositives, m.FalsePositives, m.TrueNegatives, m.FalseNegatives));
        Assert.Equal(1.0, m.F1);
    }

    [Fact]
    public void Rates_without_a_denominator_are_0()
    {
        var m = ThresholdMetrics.At([0, 0], [0.1, 0.9], 0.5);

        Assert.Equal((0.0, 0.0, 0.0, 0.5), (m.Precision, m.Recall, m.F1, m.Accuracy));
        Assert.Throws<ArgumentException>(() => ThresholdMetrics.At([0], [0.1], double.NaN));
        Assert.Throws<LearnerInputException>(() => ThresholdMetrics.At([0], [double.NaN], 0.5));
    }
}
