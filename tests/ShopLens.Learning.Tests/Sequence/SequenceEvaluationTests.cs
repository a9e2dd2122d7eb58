using ShopLens.Learning;
using ShopLens.Learning.Sequence;

namespace ShopLens.Learning.Tests.Sequence;

/// <summary>The leave-one-out split and the ranking metrics of both protocols, on cases worked out by hand.</summary>
[Trait("Issue", "8")]
public sealed class SequenceEvaluationTests
{
    [Fact]
    public void Leave_one_out_keeps_the_last_two_events_of_sequences_of_three_or_more()
    {
        var data = EventSequences.FromItems(5, [[0, 1], [0, 1, 2], [4, 3, 2, 1, 0]]);
        var split = SequenceEvaluation.SplitLeaveOneOut(data);
        Assert.Equal([2, 1, 3], split.TrainingEvents);
        Assert.Equal([new SequenceCase(1, 1), new SequenceCase(2, 3)], split.Validation);
        Assert.Equal([new SequenceCase(1, 2), new SequenceCase(2, 4)], split.Test);
    }

    [Fact]
    public void Popularity_ranks_by_training_counts_with_ties_against_the_held_out_item()
    {
        // Training counts (first 4, 3 and 1 events): item 0 ×3, item 1 ×1, item 2 ×2, item 3 ×2, items 4 … 199 never.
        var data = EventSequences.FromItems(200, [[0, 0, 1, 2, 1], [0, 2, 3, 3], [3, 0]]);
        int[] training = [4, 3, 1];
        // Case 1 holds out item 1: above it items 0, 2 and 3 → 0-based rank 3.
        // Case 2 holds out item 3: above it item 0, and item 2 ties with it → rank 2. Case 3 holds out item 0: rank 0.
        SequenceCase[] cases = [new(0, 4), new(1, 3), new(2, 1)];
        var full = SequenceEvaluation.Popularity(data, training, cases, k: 3).Single(r => r.Protocol == SequenceRanking.Full);
        Assert.Equal(3, full.Cases);
        Assert.Equal(2.0 / 3, full.HitRate, 12);
        Assert.Equal((1 / Math.Log2(4) + 0 + 1) / 3, full.Ndcg, 12);
        Assert.Equal((1.0 / 3 + 1.0 / 4 + 1) / 3, full.Mrr, 12);

        // Against 100 items the sequences never have (item 1 at most, count 1, or never-seen ones, count 0), the held-out
        // items 3 and 0 come first every time.
        var sampled = SequenceEvaluation.Popularity(data, training, cases[1..], k: 1).Single(r => r.Protocol == SequenceRanking.Sampled100Uniform);
        Assert.Equal(1, sampled.HitRate);
        Assert.Equal(1, sampled.Ndcg);
    }

    [Fact]
    public void Sampled_negatives_never_come_from_the_sequence_itself()
    {
        // Three items; the sequence holds two of them, so the one negative drawn 100 times is item 2, which
        // popularity ranks above the held-out item 1 every time.
        var data = EventSequences.FromItems(3, [[0, 0, 0, 1], [2, 2, 2, 2, 2]]);
        var sampled = SequenceEvaluation.Popularity(data, [3, 5], [new SequenceCase(0, 3)], k: 10).Single(r => r.Protocol == SequenceRanking.Sampled100Uniform);
        Assert.Equal(0, sampled.HitRate);
        Assert.Equal(1.0 / 101, sampled.Mrr, 12);
    }

    [Fact]
    public void A_case_with_nothing_before_it_or_nothing_to_predict_is_refused()
    {
        var data = EventSequences.FromItems(3, [[0, 1, 2]]);
        Assert.Throws<LearnerInputException>(() => SequenceEvaluation.Popularity(data, [3], [new SequenceCase(0, 0)]));
        Assert.Throws<LearnerInputException>(() => SequenceEvaluation.Popularity(data, [3], [new SequenceCase(0, 3)]));
    }
}
