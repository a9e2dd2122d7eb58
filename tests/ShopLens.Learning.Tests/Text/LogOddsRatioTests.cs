using ShopLens.Learning.Text;

namespace ShopLens.Learning.Tests.Text;

[Trait("Issue", "9")]
public sealed class LogOddsRatioTests
{
    [Fact]
    public void A_hand_worked_case()
    {
        // α = 20 · 50/100 = 10 each; δa = ln(20/10) − ln(10/20) = 2 ln 2; Var = 1/20 + 1/10; z = 1.3862944 / 0.3872983.
        var z = LogOddsRatio.ZScores(new Dictionary<string, int> { ["a"] = 10 }, new Dictionary<string, int> { ["b"] = 10 },
            new Dictionary<string, int> { ["a"] = 50, ["b"] = 50 }, priorTotal: 20);
        Assert.Equal(3.5793966, z["a"], 6);
        Assert.Equal(-3.5793966, z["b"], 6);
    }

    [Fact]
    public void The_prior_keeps_a_rare_term_below_a_frequent_one_of_the_same_share()
    {
        var first = new Dictionary<string, int> { ["rare"] = 2, ["common"] = 40, ["filler"] = 58 };
        var second = new Dictionary<string, int> { ["filler"] = 100 };
        var background = new Dictionary<string, int> { ["rare"] = 2, ["common"] = 40, ["filler"] = 158 };
        var z = LogOddsRatio.ZScores(first, second, background);
        Assert.True(z["common"] > z["rare"], $"{z["common"]} vs {z["rare"]}");
        Assert.True(z["rare"] > 0);
        Assert.True(z["filler"] < 0);
    }

    [Fact]
    public void Empty_groups_give_nothing()
    {
        Assert.Empty(LogOddsRatio.ZScores(new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>()));
    }
}
