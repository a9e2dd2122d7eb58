namespace ShopLens.Learning.Supervised;

/// <summary>Checks on row-major feature arrays shared by every supervised learner's fit and predict.</summary>
public static class FeatureRows
{
    /// <summary>
    /// Checks that <paramref name="features"/> holds whole rows of <paramref name="columns"/>, at least one, and no
    /// infinities; NaN is allowed only when <paramref name="allowMissing"/>.
    /// </summary>
    /// <exception cref="LearnerInputException">empty input, a ragged shape or a bad value, named by row and column</exception>
    public static void Check(float[] features, int columns, string what, bool allowMissing)
    {
        if (features is null) throw new LearnerInputException($"{what}: no features");
        if (columns < 1) throw new LearnerInputException($"{what}: columns must be at least 1 (got {columns})");
        if (features.Length == 0) throw new LearnerInputException($"{what}: no rows");
        if (features.Length % columns != 0)
            throw new LearnerInputException($"{what}: {features.Length} values do not fill rows of {columns} columns");
        for (var i = 0; i < features.Length; i++)
        {
            var v = features[i];
            if (float.IsFinite(v) || (allowMissing && float.IsNaN(v))) continue;
            throw new LearnerInputException(
                $"{what}: row {i / columns}, column {i % columns} is {v}; " +
                (allowMissing ? "values must be finite or NaN (missing)" : "every value must be finite"));
        }
    }
}
