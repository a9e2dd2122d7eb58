namespace ShopLens.Learning.Supervised;

/// <summary>
/// Supervised training data: <c>Rows × Columns</c> features (row-major float32, as the store's feature matrices),
/// a label per row and an optional weight per row. NaN features mean "missing" to learners that accept them.
/// </summary>
public sealed record LabeledRows(float[] Features, int Columns, float[] Labels, float[]? Weights = null)
{
    public int Rows => Columns == 0 ? 0 : Features.Length / Columns;

    public ReadOnlySpan<float> Row(int i) => Features.AsSpan(i * Columns, Columns);

    /// <summary>
    /// Checks the shape, labels and weights; <paramref name="allowMissing"/> lets NaN features through (infinities never).
    /// </summary>
    /// <exception cref="LearnerInputException">empty input, a shape mismatch or a bad value, named by row and column</exception>
    public void Check(string what, bool allowMissing)
    {
        FeatureRows.Check(Features, Columns, what, allowMissing);
        if (Labels is null) throw new LearnerInputException($"{what}: no labels");
        if (Labels.Length != Rows) throw new LearnerInputException($"{what}: {Labels.Length} labels for {Rows} rows");
        for (var i = 0; i < Labels.Length; i++)
            if (!float.IsFinite(Labels[i])) throw new LearnerInputException($"{what}: label of row {i} is {Labels[i]}");
        if (Weights is null) return;
        if (Weights.Length != Rows) throw new LearnerInputException($"{what}: {Weights.Length} weights for {Rows} rows");
        for (var i = 0; i < Weights.Length; i++)
            if (!(Weights[i] >= 0) || float.IsPositiveInfinity(Weights[i]))
                throw new LearnerInputException($"{what}: weight of row {i} is {Weights[i]}; weights must be finite and ≥ 0");
    }

    /// <summary>Checks that every label is 0 or 1 and both classes occur.</summary>
    /// <exception cref="LearnerInputException">a label other than 0/1, or one class only</exception>
    public void CheckBinary(string what)
    {
        int positives = 0;
        for (var i = 0; i < Labels.Length; i++)
        {
            if (Labels[i] is not (0f or 1f)) throw new LearnerInputException($"{what}: label of row {i} is {Labels[i]}; binary labels are 0 or 1");
            if (Labels[i] == 1f) positives++;
        }
        if (positives == 0 || positives == Labels.Length)
            throw new LearnerInputException($"{what}: all {Labels.Length} labels are {(positives == 0 ? 0 : 1)}; a binary learner needs both classes");
    }
}
