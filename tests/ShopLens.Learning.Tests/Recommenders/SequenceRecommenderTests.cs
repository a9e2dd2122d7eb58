using ShopLens.Learning.Recommenders;
using ShopLens.Learning.Sequence;

namespace ShopLens.Learning.Tests.Recommenders;

/// <summary>The sequence Transformer as a recommender: it scores from the order of a user's events, which no item-set model sees.</summary>
[Trait("Issue", "8")]
public sealed class SequenceRecommenderTests
{
    const int Items = 20;

    /// <summary>Each user walks 4 to 6 steps along the cycle 0 → 1 → … → 19 → 0 from a random item: what comes next is the last item + 1.</summary>
    static readonly EventSequences Walks = Walk(300, seed: 1);

    static EventSequences Walk(int users, int seed)
    {
        var rng = new Random(seed);
        return EventSequences.FromItems(Items, [.. Enumerable.Range(0, users).Select(_ =>
        {
            var (from, length) = (rng.Next(Items), 4 + rng.Next(3));
            return Enumerable.Range(0, length).Select(t => (from + t) % Items).ToArray();
        })]);
    }

    static readonly SequenceRecommender Model = SequenceRecommender.Fit(Walks, new SequenceOptions
    {
        Dim = 16, Blocks = 1, Heads = 1, MaxLength = 8, Dropout = 0, Epochs = 30, BatchSize = 32, LearningRate = 5e-3, WarmupSteps = 10, Threads = 1, Seed = 3,
    });

    /// <summary>The first pick among the items not in the history, as every recommender is read.</summary>
    static int Top(int user, int[] history)
    {
        var scores = new float[Items];
        Model.Score(user, history, [.. history.Select(_ => 1f)], scores);
        return TopItems.Select(scores, 1, history)[0];
    }

    /// <summary>A user's history as the matrix holds it: the set of items, in ascending order.</summary>
    static int[] SetOf(int user) => [.. Walks.ItemsOf(user).ToArray().Distinct().Order()];

    [Fact]
    public void A_known_user_is_scored_from_the_order_of_their_events_not_the_set()
    {
        var right = Enumerable.Range(0, 50).Count(u => Top(u, SetOf(u)) == (Walks.ItemsOf(u)[^1] + 1) % Items);

        // The set alone cannot tell where a walk ended (the ascending order of 18 19 0 1 ends on 19, the walk on 1).
        Assert.True(right >= 48, $"{right}/50 next items right");
    }

    [Fact]
    public void Items_the_kept_events_lack_are_read_after_them()
    {
        var (right, total) = (0, 0);
        for (var u = 0; u < 50; u++)
        {
            var kept = SetOf(u);
            // An item a few steps past the walk's end: a later act, which the user's kept events do not have.
            var later = (Walks.ItemsOf(u)[^1] + 5) % Items;
            if (kept.Contains(later)) continue;
            total++;
            if (Top(u, [.. kept.Append(later).Order()]) == (later + 1) % Items) right++;
        }
        Assert.True(right >= 0.9 * total, $"{right}/{total} next items right");
    }

    [Fact]
    public void A_user_it_was_not_fitted_on_is_read_in_the_historys_order_and_no_history_scores_nothing()
    {
        Assert.Equal(8, Top(-1, [7]));
        Assert.Equal(13, Top(-1, [10, 11, 12]));
        var none = new float[Items];
        Array.Fill(none, 1f);
        Model.Score(-1, [], [], none);
        Assert.All(none, s => Assert.Equal(0f, s));
    }

    [Fact]
    public void It_keeps_only_each_users_latest_events()
    {
        var longWalks = EventSequences.FromItems(Items, [[.. Enumerable.Range(0, 30).Select(t => t % Items)], [1, 2]]);
        var model = SequenceRecommender.Fit(longWalks, new SequenceOptions { Dim = 8, Blocks = 1, MaxLength = 5, Epochs = 1, Threads = 1 });
        using var file = new MemoryStream();
        model.Save(file);
        var expected = 8 + 4 + 3 * 4 + 3 * 4 + (5 + 2) * (4 + 4 + 8);

        // Header and version, three counts, three starts, then 5 + 2 kept events (item, kind, time) before the Transformer's own file.
        Assert.Equal("SLSEQTRF", System.Text.Encoding.ASCII.GetString(file.ToArray(), expected, 8));
    }
}
