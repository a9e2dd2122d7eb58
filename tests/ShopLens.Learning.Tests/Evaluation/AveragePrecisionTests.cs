using ShopLens.Learning.Evaluation;

namespace ShopLens.Learning.Tests.Evaluation;

/// <summary>Average precision: analytic cases, scikit-learn's answer with ties, and bad input.</summary>
public sealed class AveragePrecisionTests
{
    [Fact]
    public void Each_positive_adds_its_precision_over_the_number_of_positives()
    {
        // Positives at ranks 1 and 3: (1/1 + 2/3) / 2.
        Assert.Equal(5.0 / 6, AveragePrecision.Compute([1, 0, 1, 0], [4, 3, 2, 1]), 15);
        Assert.Equal(1.0, AveragePrecision.Compute([0, 1, 1, 0], [1, 3, 4, 2]));
        Assert.Equal(1.0, AveragePrecision.Compute([1, 1], [0.2, 0.9]));
    }

    [Fact]
    public void A_tie_group_is_one_threshold()
    {
        // All rows tied: one step to recall 1 at the base rate's precision.
        Assert.Equal(0.4, AveragePrecision.Compute([1, 0, 0, 1, 0], [0.3, 0.3, 0.3, 0.3, 0.3]), 15);
        // The top two tie (1 positive of 2), then a positive: ½·½ + ½·⅔.
        Assert.Equal(0.25 + 1.0 / 3, AveragePrecision.Compute([1, 0, 1, 0], [0.9, 0.9, 0.5, 0.1]), 15);
    }

    // scikit-learn 1.2.1: average_precision_score(y, p) on SmallCase.
    [Fact]
    public void Matches_scikit_learn_with_ties()
    {
        Assert.Equal(0.6197278911564625, AveragePrecision.Compute(SmallCase.Labels, SmallCase.Probabilities), 15);
    }

    [Fact]
    public void No_positive_is_a_typed_error()
    {
        Assert.Throws<LearnerInputException>(() => AveragePrecision.Compute([0, 0], [0.1, 0.2]));
        Assert.Throws<LearnerInputException>(() => AveragePrecision.Compute([], []));
        Assert.Throws<LearnerInputException>(() => AveragePrecision.Compute([1, 0], [double.NaN, 0.2]));
    }
}
