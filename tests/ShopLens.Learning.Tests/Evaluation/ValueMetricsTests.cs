using ShopLens.Learning.Evaluation;

namespace ShopLens.Learning.Tests.Evaluation;

[Trait("Issue", "5")]
public sealed class ValueMetricsTests
{
    static readonly double[] Actual = [0, 0, 3.5, 10, 2, 0, 7, 1, 0, 25, 4, 4];
    static readonly double[] Predicted = [0.5, 1, 3, 8, 2.5, 0.2, 7, 1, 1, 15, 3, 5];

    [Fact]
    public void Matches_numpy_scipy_and_the_kaggle_gini()
    {
        // numpy MAE/RMSE, scipy.stats.spearmanr, and Wang et al.'s normalised Gini (Kaggle's gini(a, p) / gini(a, a)).
        var m = ValueMetrics.Compute(Actual, Predicted);
        Assert.Equal(1.4749999999999999, m.Mae, 12);
        Assert.Equal(3.010952230330686, m.Rmse, 12);
        Assert.Equal(0.9658835800768387, m.Spearman, 12);
        Assert.Equal(0.9932508436445446, m.NormalizedGini, 12);
        Assert.Equal(12, m.Count);
    }

    [Fact]
    public void A_perfect_ranking_has_gini_one_and_a_reversed_one_is_negative()
    {
        double[] a = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal(1, ValueMetrics.Compute(a, a).NormalizedGini, 12);
        Assert.Equal(1, ValueMetrics.Compute(a, a).Spearman, 12);
        Assert.Equal(-1, ValueMetrics.Compute(a, [.. a.Reverse()]).NormalizedGini, 12);
        Assert.Throws<LearnerInputException>(() => ValueMetrics.Compute([1.0], [double.NaN]));
    }

    [Fact]
    public void Deciles_split_by_prediction_and_share_the_actual_total()
    {
        var rows = Enumerable.Range(1, 20).Select(i => (double)i).ToArray();
        var deciles = ValueDecile.Compute(rows, rows);
        Assert.Equal(10, deciles.Count);
        Assert.Equal(19.5, deciles[0].MeanActual);
        Assert.Equal(39.0 / 210, deciles[0].ActualShare, 12);
        Assert.Equal(1, deciles.Sum(d => d.ActualShare), 12);
        Assert.Throws<LearnerInputException>(() => ValueDecile.Compute([1.0, 2.0], [1.0, 2.0]));
    }
}
