namespace ShopLens.Learning.Evaluation;

/// <summary>
/// Average precision, the step-wise area under the precision–recall curve, as scikit-learn's
/// <c>average_precision_score</c>: Σ (Rₖ − Rₖ₋₁)·Pₖ over the distinct scores from highest to lowest, each tie
/// group one threshold (all its rows predicted positive together), with no interpolation.
/// </summary>
public static class AveragePrecision
{
    /// <summary>The average precision of <paramref name="scores"/> (any finite numbers, higher = more likely 1) for 0/1 <paramref name="labels"/>.</summary>
    /// <exception cref="LearnerInputException">no rows, unequal lengths, a label other than 0/1, a non-finite score, or no positive (recall is undefined)</exception>
    public static double Compute(ReadOnlySpan<float> labels, ReadOnlySpan<double> scores)
    {
        var positives = BinaryInput.Check(labels, scores, "average precision", probabilities: false);
        if (positives == 0) throw new LearnerInputException($"average precision: all {labels.Length} labels are 0; recall needs a positive");
        var groups = new TiedScores(labels, scores, positives);
        long truePositives = 0, predicted = 0;
        var sum = 0.0;
        while (groups.MoveNext())
        {
            truePositives += groups.Positives;
            predicted += groups.Positives + groups.Negatives;
            if (groups.Positives > 0) sum += (double)groups.Positives / positives * ((double)truePositives / predicted);
        }
        return sum;
    }
}
