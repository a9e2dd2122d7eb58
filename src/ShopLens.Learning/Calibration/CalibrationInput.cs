namespace ShopLens.Learning.Calibration;

/// <summary>Checks on the (score, label) pairs a calibrator is fitted on, and on the scores it transforms.</summary>
static class CalibrationInput
{
    /// <summary>At least one pair, one label per score, finite scores and labels; 0/1 labels when <paramref name="binary"/>.</summary>
    /// <exception cref="LearnerInputException">no pairs, unequal lengths or a bad value, named by row</exception>
    internal static void CheckFit(ReadOnlySpan<double> scores, ReadOnlySpan<float> labels, string what, bool binary)
    {
        if (scores.Length == 0) throw new LearnerInputException($"{what}: no scores to calibrate");
        if (labels.Length != scores.Length) throw new LearnerInputException($"{what}: {labels.Length} labels for {scores.Length} scores");
        CheckScores(scores, what);
        for (var i = 0; i < labels.Length; i++)
        {
            if (!float.IsFinite(labels[i])) throw new LearnerInputException($"{what}: label of row {i} is {labels[i]}");
            if (binary && labels[i] is not (0f or 1f)) throw new LearnerInputException($"{what}: label of row {i} is {labels[i]}; binary labels are 0 or 1");
        }
    }

    /// <exception cref="LearnerInputException">a score that is not finite, named by row</exception>
    internal static void CheckScores(ReadOnlySpan<double> scores, string what)
    {
        for (var i = 0; i < scores.Length; i++)
            if (!double.IsFinite(scores[i])) throw new LearnerInputException($"{what}: score of row {i} is {scores[i]}; scores must be finite");
    }

    /// <exception cref="LearnerInputException">a score that is not finite</exception>
    internal static void CheckScore(double score, string what)
    {
        if (!double.IsFinite(score)) throw new LearnerInputException($"{what}: the score is {score}; scores must be finite");
    }
}
