using ShopLens.Learning.Recommenders;

namespace ShopLens.Learning.Tests.Recommenders;

/// <summary>Item-kNN: shrunk cosines by hand, neighbourhood size, the known block answer.</summary>
[Trait("Issue", "6")]
public sealed class ItemKnnTests
{
    [Fact]
    public void Similarities_are_shrunk_cosines_and_scores_add_the_history_neighbours()
    {
        // Item 0: users 0, 1, 2; item 1: users 0, 1; item 2: user 2.
        var x = Interactions.FromTriples(3, 3, [0, 1, 2, 0, 1, 2], [0, 0, 0, 1, 1, 2], [1, 1, 1, 1, 1, 1]);
        var knn = ItemKnn.Fit(x, new ItemKnnOptions { Shrink = 1, Threads = 1 });
        var of0 = knn.Neighbours(0).ToArray();
        Assert.Equal([1, 2], of0.Select(n => n.Item));
        Assert.Equal(2 / (Math.Sqrt(3) * Math.Sqrt(2) + 1), of0[0].Similarity, 6);
        Assert.Equal(1 / (Math.Sqrt(3) * 1 + 1), of0[1].Similarity, 6);
        // Items 1 and 2 share nobody.
        Assert.Equal([0], knn.Neighbours(1).Select(n => n.Item));
        var scores = new float[3];
        knn.Score(-1, [1, 2], [1, 1], scores);
        Assert.Equal(of0[0].Similarity + of0[1].Similarity, scores[0], 6);
        Assert.Single(ItemKnn.Fit(x, new ItemKnnOptions { Neighbours = 1 }).Neighbours(0));
    }

    [Theory]
    [InlineData(200)] // lists fill the item matrix: scored through its dense rows
    [InlineData(3)]   // short lists: scored one neighbour at a time
    public void Scores_are_the_sums_of_the_history_items_neighbour_similarities(int neighbours)
    {
        var rng = new Random(5);
        var triples = Enumerable.Range(0, 3000).Select(_ => (User: rng.Next(150), Item: rng.Next(60))).ToArray();
        var x = Interactions.FromTriples(150, 60, [.. triples.Select(t => t.User)], [.. triples.Select(t => t.Item)], [.. triples.Select(_ => 1f)]);
        var knn = ItemKnn.Fit(x, new ItemKnnOptions { Neighbours = neighbours, Threads = 1 });
        int[] history = [3, 17, 42, 59];
        var expected = new float[60];
        foreach (var h in history)
            foreach (var (item, similarity) in knn.Neighbours(h)) expected[item] += similarity;
        var scores = new float[60];
        knn.Score(-1, history, [1, 1, 1, 1], scores);
        Assert.Equal(expected, scores);
    }

    [Fact]
    public void Every_user_gets_their_withheld_item_first()
    {
        var x = BlockData.TwoCommunities();
        var knn = ItemKnn.Fit(x, new ItemKnnOptions());
        for (var u = 0; u < 40; u++) Assert.Equal(u, BlockData.TopNew(knn, x, u));
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<LearnerInputException>(() => ItemKnn.Fit(Interactions.FromTriples(2, 2, [], [], []), new ItemKnnOptions()));
        Assert.Throws<ArgumentException>(() => ItemKnn.Fit(BlockData.TwoCommunities(), new ItemKnnOptions { Neighbours = 0 }));
        Assert.Throws<ArgumentException>(() => ItemKnn.Fit(BlockData.TwoCommunities(), new ItemKnnOptions { Shrink = -1 }));
    }
}
