using ShopLens.Learning.Recommenders;

namespace ShopLens.Learning.Tests.Recommenders;

/// <summary>The hybrid's ranker learns from the inner split it is given (by time, where the caller knows the order), one call per fold.</summary>
[Trait("Issue", "8")]
public sealed class HybridInnerSplitTests
{
    static readonly Interactions Data = BlockData.Random(60, 50, 8, seed: 7);

    static readonly Func<Interactions, IRecommender>[] Sources = [d => new Popularity(d), d => ItemKnn.Fit(d, new ItemKnnOptions { Neighbours = 10, Threads = 1 })];

    static readonly HybridOptions Options = new() { CandidatesPerSource = 10, Folds = 3, Rounds = 20, Threads = 1, Seed = 1 };

    static byte[] Bytes(IRecommender model)
    {
        using var file = new MemoryStream();
        model.Save(file);
        return file.ToArray();
    }

    [Fact]
    public void A_given_split_is_asked_once_per_fold_and_replaces_the_random_one()
    {
        var folds = new List<int>();
        var given = HybridRecommender.Fit(Data, Sources, Options, innerSplit: fold =>
        {
            folds.Add(fold);
            // Each user's highest-numbered quarter of items held back: a split the random one would not make.
            return Split(u => Data.ItemsOf(u).Length - 2);
        });

        Assert.Equal([0, 1, 2], folds);
        Assert.NotEqual(Bytes(HybridRecommender.Fit(Data, Sources, Options)), Bytes(given));
    }

    [Fact]
    public void A_split_that_holds_nothing_back_teaches_the_ranker_nothing()
    {
        var e = Assert.Throws<LearnerInputException>(() => HybridRecommender.Fit(Data, Sources, Options, innerSplit: _ => Split(u => Data.ItemsOf(u).Length)));

        Assert.Contains("only 0 users", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Each user's first <paramref name="kept"/>(u) items (in index order) as the inner matrix, the rest as targets.</summary>
    static (Interactions, Interactions) Split(Func<int, int> kept)
    {
        List<int> iu = [], ii = [], tu = [], ti = [];
        for (var u = 0; u < Data.Users; u++)
        {
            var items = Data.ItemsOf(u);
            for (var k = 0; k < items.Length; k++) (k < kept(u) ? iu : tu).Add(u);
            for (var k = 0; k < items.Length; k++) (k < kept(u) ? ii : ti).Add(items[k]);
        }
        return (Interactions.FromTriples(Data.Users, Data.Items, [.. iu], [.. ii], [.. iu.Select(_ => 1f)]),
            Interactions.FromTriples(Data.Users, Data.Items, [.. tu], [.. ti], [.. tu.Select(_ => 1f)]));
    }
}
