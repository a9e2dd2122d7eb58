namespace ShopLens.Learning.Evaluation;

/// <summary>
/// The Brier score (Brier 1950), the mean squared difference between the predicted probability and the 0/1 label, as
/// scikit-learn's <c>brier_score_loss</c>: 0 is perfect, 0.25 is what always predicting 0.5 scores.
/// </summary>
public static class BrierScore
{
    /// <summary>The Brier score of <paramref name="probabilities"/> (of label 1, in [0, 1]) for 0/1 <paramref name="labels"/>.</summary>
    /// <exception cref="LearnerInputException">no rows, unequal lengths, a label other than 0/1 or a probability outside [0, 1]</exception>
    public static double Compute(ReadOnlySpan<float> labels, ReadOnlySpan<double> probabilities)
    {
        BinaryInput.Check(labels, probabilities, "Brier score", probabilities: true);
        var sum = 0.0;
        for (var i = 0; i < labels.Length; i++)
        {
            var d = probabilities[i] - labels[i];
            sum += d * d;
        }
        return sum / labels.Length;
    }
}
