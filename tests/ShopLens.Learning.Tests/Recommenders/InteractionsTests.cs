using ShopLens.Learning.Recommenders;

namespace ShopLens.Learning.Tests.Recommenders;

[Trait("Issue", "6")]
public sealed class InteractionsTests
{
    [Fact]
    public void Triples_become_sorted_rows_whose_repeats_add_up_and_transpose_back()
    {
        var x = Interactions.FromTriples(3, 4, [2, 0, 0, 2, 0], [1, 3, 1, 1, 0], [1, 2, 3, 4, 5]);
        Assert.Equal([0, 1, 3], x.ItemsOf(0).ToArray());
        Assert.Equal([5f, 3, 2], x.WeightsOf(0).ToArray());
        Assert.True(x.ItemsOf(1).IsEmpty);
        Assert.Equal([1], x.ItemsOf(2).ToArray());
        Assert.Equal([5f], x.WeightsOf(2).ToArray());
        Assert.Equal(4, x.Count);
        var t = x.Transpose();
        Assert.Equal((4, 3), (t.Users, t.Items));
        Assert.Equal([0, 2], t.ItemsOf(1).ToArray());
        Assert.Equal([3f, 5], t.WeightsOf(1).ToArray());
        var back = t.Transpose();
        Assert.Equal(x.RowStart, back.RowStart);
        Assert.Equal(x.Columns, back.Columns);
        Assert.Equal(x.Values, back.Values);
    }

    [Fact]
    public void Bad_triples_are_refused_with_their_position()
    {
        Assert.Contains("interaction 1: user 3", Assert.Throws<LearnerInputException>(() => Interactions.FromTriples(3, 3, [0, 3], [0, 0], [1, 1])).Message, StringComparison.Ordinal);
        Assert.Contains("item -1", Assert.Throws<LearnerInputException>(() => Interactions.FromTriples(3, 3, [0], [-1], [1])).Message, StringComparison.Ordinal);
        Assert.Contains("weight NaN", Assert.Throws<LearnerInputException>(() => Interactions.FromTriples(3, 3, [0], [0], [float.NaN])).Message, StringComparison.Ordinal);
        Assert.Throws<LearnerInputException>(() => Interactions.FromTriples(3, 3, [0], [0, 1], [1]));
    }

    [Fact]
    public void Per_user_random_split_keeps_a_quarter_of_each_user_apart_and_loses_nothing()
    {
        var all = BlockData.Random(50, 60, 12, seed: 3);
        var (train, test) = InteractionSplit.PerUserRandom(all, 0.25, 42);
        for (var u = 0; u < all.Users; u++)
        {
            Assert.Equal(3, test.ItemsOf(u).Length);
            Assert.Equal(all.ItemsOf(u).ToArray(), train.ItemsOf(u).ToArray().Concat(test.ItemsOf(u).ToArray()).Order());
        }
        var again = InteractionSplit.PerUserRandom(all, 0.25, 42);
        Assert.Equal(test.Columns, again.Test.Columns);
        Assert.NotEqual(test.Columns, InteractionSplit.PerUserRandom(all, 0.25, 43).Test.Columns);
        // Nobody loses their whole history.
        var (oneTrain, oneTest) = InteractionSplit.PerUserRandom(Interactions.FromTriples(2, 3, [0, 1, 1], [0, 1, 2], [1, 1, 1]), 0.9, 1);
        Assert.Equal(1, oneTrain.ItemsOf(0).Length);
        Assert.Equal(1, oneTrain.ItemsOf(1).Length);
        Assert.Equal(1, oneTest.ItemsOf(1).Length);
    }

    [Fact]
    public void Top_items_are_the_best_scores_first_ties_by_index_skipping_excluded_and_non_finite()
    {
        float[] scores = [0.5f, 2, float.NaN, 2, 9, float.NegativeInfinity, 1];
        Assert.Equal([4, 1, 3], TopItems.Select(scores, 3, []));
        Assert.Equal([1, 3, 6], TopItems.Select(scores, 3, [0, 4]));
        Assert.Equal([4, 1, 3, 6, 0], TopItems.Select(scores, 10, []));
        Assert.Empty(TopItems.Select(scores, 0, []));
    }
}
