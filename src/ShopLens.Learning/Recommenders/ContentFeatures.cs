namespace ShopLens.Learning.Recommenders;

/// <summary>
/// Items described by sparse feature vectors, an item × feature matrix: per item, the features it has (category, brand,
/// price band, title words, numbered by the caller) with their values. Stored as <see cref="Interactions"/> with items
/// as rows, for its compressed rows, transpose and summing of repeats, but a type of its own so that a description is
/// not taken for behaviour and its messages speak of items and features.
/// </summary>
public sealed class ContentFeatures
{
    ContentFeatures(Interactions rows) => Rows = rows;

    public int Items => Rows.Users;

    public int Features => Rows.Items;

    /// <summary>The item × feature matrix.</summary>
    internal Interactions Rows { get; }

    /// <summary>
    /// Builds the features from (item, feature, value) triples in any order; repeated pairs add their values (a title
    /// word twice weighs two). Values are positive, so that cosines stay in [0, 1] and sums of them never cancel.
    /// </summary>
    /// <exception cref="LearnerInputException">lengths differ, an index out of range, or a value that is not finite and positive</exception>
    public static ContentFeatures FromTriples(int items, int features, ReadOnlySpan<int> item, ReadOnlySpan<int> feature, ReadOnlySpan<float> value)
    {
        if (items < 0 || features < 0) throw new LearnerInputException($"content features need ≥ 0 items and features (got {items} × {features})");
        if (item.Length != feature.Length || item.Length != value.Length)
            throw new LearnerInputException($"feature triples of different lengths: {item.Length} items, {feature.Length} features, {value.Length} values");
        for (var k = 0; k < item.Length; k++)
        {
            if ((uint)item[k] >= (uint)items) throw new LearnerInputException($"feature triple {k}: item {item[k]} is outside 0 … {items - 1}");
            if ((uint)feature[k] >= (uint)features) throw new LearnerInputException($"feature triple {k}: feature {feature[k]} is outside 0 … {features - 1}");
            if (!(value[k] > 0) || float.IsInfinity(value[k])) throw new LearnerInputException($"feature triple {k}: value {value[k]} is not a finite positive number");
        }
        return new ContentFeatures(Interactions.FromTriples(items, features, item, feature, value));
    }
}
