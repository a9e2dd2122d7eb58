using ShopLens.Learning.Recommenders;

namespace ShopLens.Learning.Tests.Recommenders;

/// <summary>The ranking metrics on lists worked out by hand.</summary>
[Trait("Issue", "6")]
public sealed class RankingMetricsTests
{
    [Fact]
    public void Metrics_of_two_users_match_the_hand_computation()
    {
        // Training: user 0 has item 0, user 1 has items 0 and 1; item 0 is in 2 of the 3 training pairs.
        var train = Interactions.FromTriples(2, 6, [0, 1, 1], [0, 0, 1], [1, 1, 1]);
        // User 0 wants items 2 and 5; user 1 wants item 4.
        var test = Interactions.FromTriples(2, 6, [0, 0, 1], [2, 5, 4], [1, 1, 1]);
        int[][] lists = [[2, 3, 5], [3, 2, 5]];
        var m = RankingEvaluation.Measure(lists, [0, 1], train, test, 3);

        // User 0: hits at ranks 1 and 3. DCG = 1 + 1/log2(4) = 1.5; IDCG = 1 + 1/log2(3). User 1: no hit.
        var ndcg0 = 1.5 / (1 + 1 / Math.Log2(3));
        Assert.Equal(ndcg0 / 2, m.Ndcg, 12);
        Assert.Equal((2 / 3.0 + 0) / 2, m.Precision, 12);
        Assert.Equal((1.0 + 0) / 2, m.Recall, 12);
        // MAP: (precision at rank 1 + precision at rank 3) / |relevant| = (1 + 2/3) / 2 for user 0.
        Assert.Equal((1 + 2 / 3.0) / 2 / 2, m.Map, 12);
        Assert.Equal(0.5, m.HitRate, 12);
        Assert.Equal(0.5, m.Mrr, 12);
        // Items 2, 3, 5 were listed: 3 of 6.
        Assert.Equal(0.5, m.Coverage, 12);
        // None of them is in training: each counts as seen once, −log2(1/3).
        Assert.Equal(Math.Log2(3), m.Novelty, 12);
        Assert.Equal(2, m.Users);
    }

    [Fact]
    public void Evaluate_ranks_only_unseen_items_and_skips_users_without_test_items()
    {
        var train = Interactions.FromTriples(3, 4, [0, 1], [3, 3], [1, 1]);
        var test = Interactions.FromTriples(3, 4, [0, 1], [2, 1], [1, 1]);
        // Scores 3 > 2 > 1 > 0 by index: item 3 (seen) must be skipped.
        var model = new FixedScores([0, 1, 2, 3]);
        var m = RankingEvaluation.Evaluate(model, train, test, 1);
        Assert.Equal(2, m.Users);
        Assert.Equal(0.5, m.HitRate, 12);
        Assert.Throws<LearnerInputException>(() => RankingEvaluation.Evaluate(model, train, Interactions.FromTriples(3, 5, [0], [0], [1]), 1));
    }

    [Fact]
    public void The_sampled_protocol_ranks_each_held_out_item_against_random_ones_and_counts_ties_against_it()
    {
        // 200 items; user 0 holds out item 199 (scored highest), user 1 item 0 (scored lowest), user 2 item 5 in a tie.
        var train = Interactions.FromTriples(3, 200, [0, 1, 2], [10, 10, 10], [1, 1, 1]);
        var test = Interactions.FromTriples(3, 200, [0, 1, 2], [199, 0, 5], [1, 1, 1]);
        var scores = Enumerable.Range(0, 200).Select(i => (float)i).ToArray();
        scores[5] = scores[6] = 100;
        var result = SampledRankingEvaluation.Evaluate(new FixedScores(scores), train, test, 10, 100, seed: 3);
        Assert.Equal(3, result.Pairs);
        // Only user 0's item beats all 100; item 5 ties with item 6 and loses to the ~50 above 100.
        Assert.Equal(1 / 3.0, result.HitRate, 12);
        Assert.Equal(1 / 3.0, result.Ndcg, 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => SampledRankingEvaluation.Evaluate(new FixedScores(scores), train, test, 10, 0, 1));
    }

    sealed class FixedScores(float[] scores) : IRecommender
    {
        public string Name => "fixed";

        public int Items => scores.Length;

        public void Score(int user, ReadOnlySpan<int> historyItems, ReadOnlySpan<float> historyWeights, Span<float> output) => scores.CopyTo(output);

        public void Save(Stream stream) => throw new NotSupportedException();
    }
}
