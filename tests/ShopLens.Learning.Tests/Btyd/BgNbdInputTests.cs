using ShopLens.Learning.Btyd;

namespace ShopLens.Learning.Tests.Btyd;

/// <summary><see cref="CustomerHistories"/> validation as the BG/NBD and MBG/NBD learners see it.</summary>
[Trait("Issue", "5")]
public sealed class BgNbdInputTests
{
    [Theory]
    [InlineData(-1.0, 0.0, 10.0, "customer 1's frequency")]
    [InlineData(1.5, 2.0, 10.0, "customer 1's frequency")]
    [InlineData(double.NaN, 2.0, 10.0, "customer 1's frequency")]
    [InlineData(2.0, 11.0, 10.0, "customer 1's recency")]
    [InlineData(2.0, -1.0, 10.0, "customer 1's recency")]
    [InlineData(0.0, 3.0, 10.0, "customer 1's recency")]
    [InlineData(2.0, 1.0, 0.0, "customer 1's age")]
    [InlineData(2.0, 1.0, double.PositiveInfinity, "customer 1's age")]
    public void Bad_history_is_named_by_customer_and_field(double x, double tx, double t, string named)
    {
        var data = new CustomerHistories([1, x], [2, tx], [5, t]);
        var e = Assert.Throws<LearnerInputException>(() => new BgNbdTrainer(new BgNbdOptions()).Fit(data));
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
        Assert.Throws<LearnerInputException>(() => new MbgNbdTrainer(new BgNbdOptions()).Fit(data));
    }

    [Fact]
    public void Empty_or_unequal_histories_are_rejected()
    {
        Assert.Throws<LearnerInputException>(() => new BgNbdTrainer(new BgNbdOptions()).Fit(new CustomerHistories([], [], [])));
        Assert.Throws<LearnerInputException>(() => new BgNbdTrainer(new BgNbdOptions()).Fit(new CustomerHistories([1, 2], [1], [3, 3])));
        Assert.Throws<LearnerInputException>(() => new CustomerHistories(null!, [1], [3]).Check("x"));
    }

    [Fact]
    public void Bad_arguments_to_the_model_are_rejected()
    {
        var m = BgNbdTestDataModels.Printed;
        Assert.Throws<LearnerInputException>(() => m.ProbabilityAlive(2, 40, 39));
        Assert.Throws<LearnerInputException>(() => m.ConditionalExpectedPurchases(10, 0, 3, 39));
        Assert.Throws<ArgumentOutOfRangeException>(() => m.ExpectedPurchases(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => m.ProbabilityOfPurchases(-1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => m.ProbabilityOfAtLeastOnePurchase(double.NaN, 1, 1, 3));
        Assert.Throws<LearnerInputException>(() => m.ProbabilityAlive(new CustomerHistories([1], [2], [1])));
    }
}
