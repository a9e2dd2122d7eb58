using ShopLens.Learning.Recommenders;

namespace ShopLens.Learning.Tests.Recommenders;

/// <summary>The hybrid's side information: groups and values of the wrong shape are refused before anything is fitted.</summary>
[Trait("Issue", "6")]
public sealed class HybridSideInformationTests
{
    [Fact]
    public void Side_information_must_describe_every_item()
    {
        var data = BlockData.Random(60, 50, 8, seed: 7);
        Func<Interactions, IRecommender>[] sources = [d => new Popularity(d)];
        var options = new HybridOptions { CandidatesPerSource = 10, Folds = 1, Rounds = 5, Threads = 1 };
        Assert.Contains("not 50 items", Assert.Throws<LearnerInputException>(() =>
            HybridRecommender.Fit(data, sources, options, new ItemSideInformation(new int[49], new float[50]))).Message, StringComparison.Ordinal);
        Assert.Contains("item 3: group -1", Assert.Throws<LearnerInputException>(() =>
            HybridRecommender.Fit(data, sources, options, new ItemSideInformation([0, 0, 0, -1, .. new int[46]], new float[50]))).Message, StringComparison.Ordinal);
        Assert.Contains("infinite", Assert.Throws<LearnerInputException>(() =>
            HybridRecommender.Fit(data, sources, options, new ItemSideInformation(new int[50], [float.PositiveInfinity, .. new float[49]]))).Message, StringComparison.Ordinal);
    }
}
