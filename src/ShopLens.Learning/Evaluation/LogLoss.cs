namespace ShopLens.Learning.Evaluation;

/// <summary>
/// The mean negative log-likelihood of 0/1 labels under predicted probabilities (cross-entropy), as scikit-learn's
/// <c>log_loss(y, p, eps=1e-15)</c>: probabilities are clipped to [1e-15, 1 − 1e-15] so a confident mistake costs
/// about 34.5 rather than infinity.
/// </summary>
public static class LogLoss
{
    /// <summary>
    /// The clipping bound, scikit-learn's default <c>eps</c> before 1.2; 1.2's default <c>"auto"</c> clips at machine
    /// epsilon (2.2e-16) instead, which changes the loss only for probabilities within 1e-15 of 0 or 1.
    /// </summary>
    public const double Epsilon = 1e-15;

    /// <summary>The log loss of <paramref name="probabilities"/> (of label 1, in [0, 1]) for 0/1 <paramref name="labels"/>.</summary>
    /// <exception cref="LearnerInputException">no rows, unequal lengths, a label other than 0/1 or a probability outside [0, 1]</exception>
    public static double Compute(ReadOnlySpan<float> labels, ReadOnlySpan<double> probabilities)
    {
        BinaryInput.Check(labels, probabilities, "log loss", probabilities: true);
        var sum = 0.0;
        for (var i = 0; i < labels.Length; i++)
        {
            var p = Math.Clamp(probabilities[i], Epsilon, 1 - Epsilon);
            sum -= labels[i] == 1f ? Math.Log(p) : Math.Log(1 - p);
        }
        return sum / labels.Length;
    }
}
