using ShopLens.Learning.Evaluation;

namespace ShopLens.Learning.Tests.Evaluation;

/// <summary>The reliability diagram against scikit-learn's <c>calibration_curve</c>, for both bin strategies.</summary>
public sealed class CalibrationCurveTests
{
    // scikit-learn 1.2.1: calibration_curve(y, p, n_bins=10, strategy="uniform") on SmallCase gives (prob_true, prob_pred)
    // below; the counts are np.bincount(np.searchsorted(np.linspace(0, 1, 11)[1:-1], p)) without the empty bins.
    [Fact]
    public void Uniform_bins_match_scikit_learn()
    {
        var bins = CalibrationCurve.Compute(SmallCase.Labels, SmallCase.Probabilities);

        AssertBins(bins,
            observed: [0.3333333333333333, 0.0, 0.5, 0.3333333333333333, 0.5, 0.5, 0.5, 1.0],
            predicted: [0.06666666666666667, 0.2, 0.3, 0.4000000000000001, 0.575, 0.7, 0.8, 0.9],
            counts: [3, 1, 2, 3, 2, 2, 2, 1]);
        // 0.1, 0.3, 0.7 and 0.9 sit on edges and go to the bin below (0.3 < 3·0.1 = 0.30000000000000004 in float64).
        Assert.Equal((0.0, 0.1), (bins[0].Lower, bins[0].Upper));
        Assert.Equal((0.2, 3 * 0.1), (bins[2].Lower, bins[2].Upper));
        Assert.Equal((0.8, 0.9), (bins[^1].Lower, bins[^1].Upper));
    }

    // scikit-learn 1.2.1: calibration_curve(y, p, n_bins=4, strategy="uniform") and (..., strategy="quantile"), whose
    // edges are np.percentile(p, np.linspace(0, 1, 5) * 100) = [0.05, 0.275, 0.4, 0.7, 0.9].
    [Fact]
    public void Four_uniform_and_four_quantile_bins_match_scikit_learn()
    {
        double[] observed = [0.25, 0.4, 0.5, 0.6666666666666666];
        double[] predicted = [0.1, 0.36000000000000004, 0.6375, 0.8333333333333334];
        var uniform = CalibrationCurve.Compute(SmallCase.Labels, SmallCase.Probabilities, bins: 4);
        var quantile = CalibrationCurve.Compute(SmallCase.Labels, SmallCase.Probabilities, bins: 4, CalibrationBinning.Quantile);

        AssertBins(uniform, observed, predicted, counts: [4, 5, 4, 3]);
        AssertBins(quantile, observed, predicted, counts: [4, 5, 4, 3]);
        Assert.Equal([0.05, 0.275, 0.4, 0.7], quantile.Select(b => b.Lower));
        Assert.Equal(0.9, quantile[^1].Upper);
    }

    // scikit-learn 1.2.1: calibration_curve(y, p, n_bins=10, strategy="quantile"): the edges
    // np.percentile(p, np.linspace(0, 1, 11) * 100) are [0.05, 0.07500000000000001, 0.2, 0.3, 0.4, 0.4,
    // 0.5500000000000002, 0.6499999999999999, 0.7, 0.8, 0.9]; the tied 0.4 leaves an empty bin, so 9 come back.
    [Fact]
    public void Quantile_bins_with_tied_edges_match_scikit_learn()
    {
        var bins = CalibrationCurve.Compute(SmallCase.Labels, SmallCase.Probabilities, bins: 10, CalibrationBinning.Quantile);

        AssertBins(bins,
            observed: [0.0, 0.5, 0.5, 0.3333333333333333, 1.0, 0.0, 0.5, 0.5, 1.0],
            predicted: [0.05, 0.15000000000000002, 0.3, 0.4000000000000001, 0.55, 0.6, 0.7, 0.8, 0.9],
            counts: [2, 2, 2, 3, 1, 1, 2, 2, 1]);
        Assert.Equal([0.05, 0.07500000000000001, 0.2, 0.3, 0.4, 0.5500000000000002, 0.6499999999999999, 0.7, 0.8], bins.Select(b => b.Lower));
    }

    [Fact]
    public void Bad_input_is_a_typed_error()
    {
        Assert.Throws<LearnerInputException>(() => CalibrationCurve.Compute([1, 0], [1.01, 0.2]));
        Assert.Throws<LearnerInputException>(() => CalibrationCurve.Compute([], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => CalibrationCurve.Compute([1, 0], [0.5, 0.2], bins: 0));
    }

    static void AssertBins(IReadOnlyList<CalibrationBin> bins, double[] observed, double[] predicted, int[] counts)
    {
        Assert.Equal(counts, bins.Select(b => b.Count));
        for (var b = 0; b < bins.Count; b++)
        {
            Assert.Equal(observed[b], bins[b].ObservedRate, 15);
            Assert.Equal(predicted[b], bins[b].MeanPredicted, 15);
        }
    }
}
