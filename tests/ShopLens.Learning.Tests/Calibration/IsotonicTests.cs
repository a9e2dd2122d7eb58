using ShopLens.Learning.Calibration;

namespace ShopLens.Learning.Tests.Calibration;

/// <summary>Isotonic calibration: scikit-learn's fits and predictions, monotonicity, clamping, and the learner contract.</summary>
public sealed class IsotonicTests
{
    static readonly double[] Scores = [0.1, 0.2, 0.2, 0.3, 0.35, 0.4, 0.4, 0.4, 0.5, 0.6, 0.7, 0.7, 0.8, 0.9];
    static readonly float[] Labels = [0, 1, 0, 0, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1];
    static readonly double[] Grid = [-1.0, 0.1, 0.15, 0.2, 0.25, 0.33, 0.45, 0.55, 0.75, 0.85, 0.9, 2.0];

    // scikit-learn 1.2.1: IsotonicRegression(out_of_bounds="clip").fit(Scores, Labels): X_thresholds_, y_thresholds_, predict(Grid).
    [Fact]
    public void Matches_scikit_learn_with_tied_scores()
    {
        var model = new IsotonicTrainer(new IsotonicOptions()).Fit(Scores, Labels);

        Assert.Equal([0.1, 0.2, 0.3, 0.35, 0.5, 0.6, 0.8, 0.9], model.ThresholdScores.ToArray());
        Assert.Equal([0.0, 0.3333333333333333, 0.3333333333333333, 0.4, 0.4, 0.75, 0.75, 1.0], model.ThresholdValues.ToArray());
        AssertClose([0.0, 0.0, 0.1666666666666666, 0.3333333333333333, 0.3333333333333333, 0.3733333333333334, 0.4, 0.5750000000000002,
            0.75, 0.8749999999999999, 1.0, 1.0], model.Transform(Grid));
    }

    // scikit-learn 1.2.1: IsotonicRegression(out_of_bounds="clip", increasing=False).fit(Scores, 1 - Labels).
    [Fact]
    public void A_decreasing_fit_matches_scikit_learn()
    {
        var model = new IsotonicTrainer(new IsotonicOptions { Increasing = false }).Fit(Scores, Labels.Select(y => 1 - y).ToArray());

        Assert.False(model.Increasing);
        Assert.Equal([0.1, 0.2, 0.3, 0.35, 0.5, 0.6, 0.8, 0.9], model.ThresholdScores.ToArray());
        Assert.Equal([1.0, 0.6666666666666666, 0.6666666666666666, 0.6, 0.6, 0.25, 0.25, 0.0], model.ThresholdValues.ToArray());
        AssertClose([1.0, 1.0, 0.8333333333333334, 0.6666666666666666, 0.6666666666666666, 0.6266666666666666, 0.6, 0.4249999999999998,
            0.25, 0.12500000000000014, 0.0, 0.0], model.Transform(Grid));
    }

    // scikit-learn 1.2.1: IsotonicRegression(out_of_bounds="clip").fit(Scores, y) for these real-valued targets.
    [Fact]
    public void Real_valued_targets_are_fitted_by_their_means_as_scikit_learn()
    {
        float[] targets = [1.5f, -2, 3.25f, 0.5f, 0.5f, 4, -1, 2, 2.5f, 0, 6, 5, 5.5f, 1];
        var model = new IsotonicTrainer(new IsotonicOptions()).Fit(Scores, targets);

        Assert.Equal([0.1, 0.35, 0.4, 0.6, 0.7, 0.9], model.ThresholdScores.ToArray());
        Assert.Equal([0.75, 0.75, 1.5, 1.5, 4.375, 4.375], model.ThresholdValues.ToArray());
    }

    // scikit-learn 1.2.1 on x_i = ((37 i) mod 101) / 101, y_i = 1 if ((7 i² + i) mod 13) < 2 + 9 x_i else 0, i < 200
    // (103 positives): 14 thresholds, y_thresholds_.sum() = 7.2965873015873015, X_thresholds_.sum() = 7.02970297029703,
    // and predict(np.linspace(-0.05, 1.05, 12)).
    [Fact]
    public void A_longer_fit_matches_scikit_learn()
    {
        var x = Enumerable.Range(0, 200).Select(i => (i * 37 % 101) / 101.0).ToArray();
        var y = Enumerable.Range(0, 200).Select(i => (7 * i * i + i) % 13 < 2 + 9 * x[i] ? 1f : 0f).ToArray();
        var model = new IsotonicTrainer(new IsotonicOptions()).Fit(x, y);
        var grid = Enumerable.Range(0, 12).Select(i => -0.05 + i * (1.1 / 11)).ToArray();

        Assert.Equal(103, y.Sum());
        Assert.Equal(14, model.ThresholdScores.Length);
        Assert.Equal(7.2965873015873015, model.ThresholdValues.ToArray().Sum(), 14);
        Assert.Equal(7.02970297029703, model.ThresholdScores.ToArray().Sum(), 14);
        AssertClose([0.3, 0.3, 0.3, 0.42857142857142855, 0.45, 0.5, 0.56, 0.56, 0.6875, 0.6875, 0.7222222222222222, 0.7222222222222222],
            model.Transform(grid));
    }

    [Fact]
    public void Predictions_never_decrease_and_stay_at_the_end_values_outside_the_scores()
    {
        var (scores, labels) = Miscalibrated.Draw(2000, seed: 5);
        var model = new IsotonicTrainer(new IsotonicOptions()).Fit(scores, labels);
        var grid = Enumerable.Range(0, 20_001).Select(i => -6 + i * 0.0006).ToArray();
        var p = model.Transform(grid);

        for (var i = 1; i < p.Length; i++) Assert.True(p[i] >= p[i - 1], $"p({grid[i]}) = {p[i]} < p({grid[i - 1]}) = {p[i - 1]}");
        Assert.Equal(model.ThresholdValues[0], model.Predict(scores.Min() - 100));
        Assert.Equal(model.ThresholdValues[^1], model.Predict(scores.Max() + 100));
        Assert.Equal(model.ThresholdValues[0], model.Predict(double.MinValue));
    }

    // scikit-learn's _make_unique pools scores within 1e-15 of the first of a run: 0 and 5e-16 become one point at 0,
    // 1.2e-15 stays apart. scikit-learn 1.2.1: IsotonicRegression().fit([0, 5e-16, 1.2e-15, 1], [0, 1, 1, 1]) has
    // X_thresholds_ = [0, 1.2e-15, 1] and y_thresholds_ = [0.5, 1, 1].
    [Fact]
    public void Nearly_equal_scores_are_pooled_as_scikit_learn()
    {
        var model = new IsotonicTrainer(new IsotonicOptions()).Fit([0, 5e-16, 1.2e-15, 1], [0, 1, 1, 1]);

        Assert.Equal([0, 1.2e-15, 1], model.ThresholdScores.ToArray());
        Assert.Equal([0.5, 1, 1], model.ThresholdValues.ToArray());
    }

    [Fact]
    public void One_distinct_score_predicts_its_mean_label_everywhere()
    {
        var model = new IsotonicTrainer(new IsotonicOptions()).Fit([0.3, 0.3, 0.3, 0.3], [1, 0, 0, 0]);

        Assert.Equal([0.25, 0.25, 0.25], model.Transform([-5, 0.3, 5]));
    }

    [Fact]
    public void Save_and_load_give_the_same_predictions_and_saving_twice_the_same_bytes()
    {
        var (scores, labels) = Miscalibrated.Draw(3000, seed: 6);
        var trainer = new IsotonicTrainer(new IsotonicOptions());
        var model = trainer.Fit(scores, labels);
        var bytes = ModelBytes.Of(model);
        var loaded = ModelBytes.Load(bytes, IsotonicModel.Load);

        Assert.Equal(bytes, ModelBytes.Of(model));
        Assert.Equal(bytes, ModelBytes.Of(loaded));
        Assert.Equal(bytes, ModelBytes.Of(trainer.Fit(scores, labels)));
        Assert.Equal(model.Transform(scores), loaded.Transform(scores));
        Assert.Throws<InvalidDataException>(() => ModelBytes.Load(bytes[..^3], IsotonicModel.Load));
        Assert.Throws<InvalidDataException>(() => ModelBytes.Load(ModelBytes.Of(new PlattTrainer(new PlattOptions()).Fit(scores, labels)), IsotonicModel.Load));
    }

    [Fact]
    public void Empty_or_not_finite_input_is_a_typed_error()
    {
        var trainer = new IsotonicTrainer(new IsotonicOptions());

        Assert.Throws<LearnerInputException>(() => trainer.Fit([], []));
        Assert.Throws<LearnerInputException>(() => trainer.Fit([0.1, double.NaN], [0, 1]));
        Assert.Throws<LearnerInputException>(() => trainer.Fit([0.1, double.PositiveInfinity], [0, 1]));
        Assert.Throws<LearnerInputException>(() => trainer.Fit([0.1, 0.2], [0, float.NaN]));
        Assert.Throws<LearnerInputException>(() => trainer.Fit([0.1, 0.2], [0]));
        var model = trainer.Fit([0.1, 0.2], [0, 1]);
        Assert.Throws<LearnerInputException>(() => model.Predict(double.NaN));
        Assert.Throws<LearnerInputException>(() => model.Transform([0.1, double.NaN]));
    }

    static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 14);
    }
}
