using ShopLens.Learning.Recommenders;

namespace ShopLens.Learning.Tests.Recommenders;

[Trait("Issue", "6")]
public sealed class TrendingTests
{
    [Fact]
    public void Acts_fade_by_half_each_half_life()
    {
        // Item 0: three acts 14 days ago; item 1: one act today; item 2: one act 7 days ago.
        var trending = Trending.Fit(3, [0, 0, 0, 1, 2], [14, 14, 14, 0, 7], halfLifeDays: 7);
        var scores = new float[3];
        trending.Score(-1, [], [], scores);
        Assert.Equal([0.75f, 1f, 0.5f], scores);
        Assert.Equal([1, 0, 2], TopItems.Select(scores, 3, []));
        Assert.Throws<LearnerInputException>(() => Trending.Fit(3, [3], [0], 7));
        Assert.Throws<LearnerInputException>(() => Trending.Fit(3, [0], [-1], 7));
        Assert.Throws<ArgumentException>(() => Trending.Fit(3, [0], [0], 0));
    }
}
