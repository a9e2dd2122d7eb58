using ShopLens.Learning.Evaluation;

namespace ShopLens.Learning.Tests.Evaluation;

/// <summary>Log loss: scikit-learn's answers, the clipping of certain mistakes, and bad input.</summary>
public sealed class LogLossTests
{
    // scikit-learn 1.2.1: log_loss(y, p, eps=1e-15) on SmallCase (the same with 1.2's default eps="auto").
    [Fact]
    public void Matches_scikit_learn()
    {
        Assert.Equal(0.6962264013159213, LogLoss.Compute(SmallCase.Labels, SmallCase.Probabilities), 14);
    }

    // scikit-learn 1.2.1: log_loss([1, 0], [0.0, 0.0], eps=1e-15) = 17.269388197455342, the mean of −ln(1e-15) and ≈0.
    [Fact]
    public void A_certain_mistake_costs_the_clipped_amount_not_infinity()
    {
        Assert.Equal(17.269388197455342, LogLoss.Compute([1, 0], [0.0, 0.0]), 12);
        Assert.Equal(-Math.Log(0.5), LogLoss.Compute([1, 0, 1], [0.5, 0.5, 0.5]), 15);
    }

    [Fact]
    public void A_probability_outside_0_1_is_a_typed_error()
    {
        Assert.Throws<LearnerInputException>(() => LogLoss.Compute([1, 0], [1.2, 0.1]));
        Assert.Throws<LearnerInputException>(() => LogLoss.Compute([1, 0], [-0.1, 0.1]));
        Assert.Throws<LearnerInputException>(() => LogLoss.Compute([1, 0], [double.NaN, 0.1]));
        Assert.Throws<LearnerInputException>(() => LogLoss.Compute([], []));
    }
}
