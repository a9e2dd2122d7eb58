namespace ShopLens.Learning.Evaluation;

/// <summary>Checks shared by the binary metrics: rows present, one score per label, labels 0 or 1, scores finite.</summary>
static class BinaryInput
{
    /// <summary>Checks labels and scores (probabilities in [0, 1] when <paramref name="probabilities"/>) and counts the positives.</summary>
    /// <exception cref="LearnerInputException">no rows, unequal lengths, a label other than 0/1 or a bad score, named by row</exception>
    internal static int Check(ReadOnlySpan<float> labels, ReadOnlySpan<double> scores, string what, bool probabilities)
    {
        if (labels.Length == 0) throw new LearnerInputException($"{what}: no rows");
        if (labels.Length != scores.Length) throw new LearnerInputException($"{what}: {labels.Length} labels for {scores.Length} scores");
        var positives = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] == 1f) positives++;
            else if (labels[i] != 0f) throw new LearnerInputException($"{what}: label of row {i} is {labels[i]}; binary labels are 0 or 1");
        }
        for (var i = 0; i < scores.Length; i++)
        {
            var s = scores[i];
            if (probabilities && !(s >= 0 && s <= 1))
                throw new LearnerInputException($"{what}: probability of row {i} is {s}; probabilities are in [0, 1]");
            if (!double.IsFinite(s)) throw new LearnerInputException($"{what}: score of row {i} is {s}; scores must be finite");
        }
        return positives;
    }

    /// <summary>Like <see cref="Check"/>, and both classes must occur.</summary>
    internal static int CheckBothClasses(ReadOnlySpan<float> labels, ReadOnlySpan<double> scores, string what, bool probabilities)
    {
        var positives = Check(labels, scores, what, probabilities);
        if (positives == 0 || positives == labels.Length)
            throw new LearnerInputException($"{what}: all {labels.Length} labels are {(positives == 0 ? 0 : 1)}; it needs both classes");
        return positives;
    }
}
