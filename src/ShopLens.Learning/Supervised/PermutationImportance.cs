namespace ShopLens.Learning.Supervised;

/// <summary>
/// Permutation importance (Breiman 2001; scikit-learn's <c>permutation_importance</c>): how much a score drops when
/// one column's values are shuffled across rows, breaking its link to the label. Works for any fitted model.
/// </summary>
public static class PermutationImportance
{
    /// <summary>The mean and standard deviation over repeats of the score's drop for one column.</summary>
    public readonly record struct Drop(double Mean, double StandardDeviation);

    /// <summary>
    /// One <see cref="Drop"/> per column of <paramref name="data"/>; <paramref name="score"/> maps labels and
    /// predictions to a number where higher is better (AUC, or a negated loss). Use rows the model was not fitted on.
    /// </summary>
    public static Drop[] Compute(ISupervisedModel model, LabeledRows data, Func<float[], double[], double> score,
        int repeats = 5, int seed = 1, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(score);
        if (repeats < 1) throw new ArgumentException($"repeats must be at least 1 (got {repeats})", nameof(repeats));
        if (data.Columns != model.Columns) throw new LearnerInputException($"rows have {data.Columns} columns, the model {model.Columns}");
        var baseline = score(data.Labels, model.Predict(data.Features));
        var shuffled = (float[])data.Features.Clone();
        var rng = new Random(seed);
        var order = new int[data.Rows];
        var drops = new Drop[data.Columns];
        var samples = new double[repeats];
        for (var column = 0; column < data.Columns; column++)
        {
            for (var r = 0; r < repeats; r++)
            {
                ct.ThrowIfCancellationRequested();
                for (var i = 0; i < order.Length; i++) order[i] = i;
                rng.Shuffle(order);
                for (var i = 0; i < order.Length; i++)
                    shuffled[i * data.Columns + column] = data.Features[order[i] * data.Columns + column];
                samples[r] = baseline - score(data.Labels, model.Predict(shuffled));
            }
            for (var i = 0; i < data.Rows; i++) shuffled[i * data.Columns + column] = data.Features[i * data.Columns + column];
            var mean = samples.Average();
            var variance = samples.Sum(s => (s - mean) * (s - mean)) / repeats;
            drops[column] = new Drop(mean, Math.Sqrt(variance));
        }
        return drops;
    }
}
