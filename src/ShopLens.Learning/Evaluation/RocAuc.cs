namespace ShopLens.Learning.Evaluation;

/// <summary>
/// The exact area under the ROC curve, ties counted half, as scikit-learn's <c>roc_auc_score</c>: the probability that
/// a random positive scores above a random negative (the Mann–Whitney U over P·N). O(n log n).
/// </summary>
public static class RocAuc
{
    /// <summary>The ROC AUC of <paramref name="scores"/> (any finite numbers, higher = more likely 1) for 0/1 <paramref name="labels"/>.</summary>
    /// <exception cref="LearnerInputException">no rows, unequal lengths, a label other than 0/1, a non-finite score, or one class only</exception>
    public static double Compute(ReadOnlySpan<float> labels, ReadOnlySpan<double> scores)
    {
        var positives = BinaryInput.CheckBothClasses(labels, scores, "ROC AUC", probabilities: false);
        var groups = new TiedScores(labels, scores, positives);
        // Twice U, an integer: each negative counts 2 for every positive above it and 1 for every positive tied with it.
        long twiceU = 0, positivesAbove = 0;
        while (groups.MoveNext())
        {
            twiceU += groups.Negatives * (2 * positivesAbove + groups.Positives);
            positivesAbove += groups.Positives;
        }
        return twiceU / (2.0 * positives * (labels.Length - positives));
    }
}
