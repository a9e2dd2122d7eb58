using ShopLens.Learning.Evaluation;

namespace ShopLens.Learning.Tests.Evaluation;

/// <summary>ROC AUC: analytic cases, scikit-learn's answer with ties, an O(n²) pair count, and bad input.</summary>
public sealed class RocAucTests
{
    [Fact]
    public void Perfect_reversed_and_constant_scores_give_1_0_and_a_half()
    {
        float[] labels = [0, 0, 1, 0, 1, 1];
        double[] scores = [0.1, 0.2, 0.7, 0.3, 0.8, 0.9];

        Assert.Equal(1.0, RocAuc.Compute(labels, scores));
        Assert.Equal(0.0, RocAuc.Compute(labels, scores.Select(s => -s).ToArray()));
        Assert.Equal(0.5, RocAuc.Compute(labels, new double[6]));
    }

    [Fact]
    public void A_tie_between_a_positive_and_a_negative_counts_half()
    {
        // Pairs (positive, negative): (1, 1) tie ½, (1, 0) 1, (0, 1) 0, (0, 0) tie ½ → 2 of 4.
        Assert.Equal(0.5, RocAuc.Compute([1, 0, 1, 0], [1, 1, 0, 0]));
        Assert.Equal(0.75, RocAuc.Compute([1, 0, 1, 0], [1, 1, 1, 0]));
        Assert.Equal(0.5, RocAuc.Compute([1, 0], [0.0, -0.0]));
    }

    // scikit-learn 1.2.1: roc_auc_score(y, p) on SmallCase.
    [Fact]
    public void Matches_scikit_learn_with_ties()
    {
        Assert.Equal(0.6587301587301587, RocAuc.Compute(SmallCase.Labels, SmallCase.Probabilities), 15);
    }

    [Fact]
    public void Equals_the_share_of_correctly_ordered_pairs()
    {
        var rng = new Random(11);
        var labels = new float[3001];
        var scores = new double[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = rng.NextDouble() < 0.3 ? 1 : 0;
            // Two decimals and a shift for the positives: many ties, inside and across the classes, and negative scores.
            scores[i] = Math.Round(rng.NextDouble() + 0.3 * labels[i] - 0.5, 2);
        }
        double pairs = 0, wins = 0;
        for (var i = 0; i < labels.Length; i++)
        for (var j = 0; j < labels.Length; j++)
        {
            if (labels[i] != 1 || labels[j] != 0) continue;
            pairs++;
            wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
        }
        Assert.Equal(wins / pairs, RocAuc.Compute(labels, scores), 14);
    }

    [Fact]
    public void Bad_input_is_a_typed_error()
    {
        Assert.Throws<LearnerInputException>(() => RocAuc.Compute([], []));
        Assert.Throws<LearnerInputException>(() => RocAuc.Compute([1, 1, 1], [0.1, 0.2, 0.3]));
        Assert.Throws<LearnerInputException>(() => RocAuc.Compute([0, 0], [0.1, 0.2]));
        Assert.Throws<LearnerInputException>(() => RocAuc.Compute([0, 1], [0.1, 0.2, 0.3]));
        Assert.Throws<LearnerInputException>(() => RocAuc.Compute([0, 1], [0.1, double.NaN]));
        Assert.Throws<LearnerInputException>(() => RocAuc.Compute([0, 1], [0.1, double.PositiveInfinity]));
        Assert.Throws<LearnerInputException>(() => RocAuc.Compute([0, 2], [0.1, 0.2]));
        Assert.Throws<LearnerInputException>(() => RocAuc.Compute([0, float.NaN], [0.1, 0.2]));
    }
}
