using ShopLens.Learning.Evaluation;

namespace ShopLens.Learning.Tests.Evaluation;

/// <summary>Brier score: analytic cases, scikit-learn's answer, and bad input.</summary>
public sealed class BrierScoreTests
{
    [Fact]
    public void Certain_right_answers_score_0_and_a_constant_half_scores_a_quarter()
    {
        Assert.Equal(0.0, BrierScore.Compute([1, 0, 1], [1, 0, 1]));
        Assert.Equal(0.25, BrierScore.Compute([1, 0, 1], [0.5, 0.5, 0.5]));
        Assert.Equal(1.0, BrierScore.Compute([1, 0], [0, 1]));
    }

    // scikit-learn 1.2.1: brier_score_loss(y, p) on SmallCase.
    [Fact]
    public void Matches_scikit_learn()
    {
        Assert.Equal(0.24671875, BrierScore.Compute(SmallCase.Labels, SmallCase.Probabilities), 15);
    }

    [Fact]
    public void Bad_input_is_a_typed_error()
    {
        Assert.Throws<LearnerInputException>(() => BrierScore.Compute([1, 0], [1.5, 0]));
        Assert.Throws<LearnerInputException>(() => BrierScore.Compute([1, 0], [1]));
        Assert.Throws<LearnerInputException>(() => BrierScore.Compute([1, 0.5f], [1, 0]));
    }
}
