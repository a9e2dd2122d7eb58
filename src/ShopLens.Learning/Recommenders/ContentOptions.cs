namespace ShopLens.Learning.Recommenders;

/// <summary>How content similarity weighs the features.</summary>
public sealed record ContentOptions
{
    /// <summary>
    /// Multiply each value by log(N / df), N the items with any feature and df those with this one, so that what most
    /// items share (the biggest category) says little. Off when the caller's values are weights already.
    /// </summary>
    public bool Idf { get; init; } = true;

    /// <summary>
    /// Features on fewer items are left out. A feature on one item links it to nothing, yet with the highest IDF it
    /// lengthens the item's vector and so lowers all its cosines; 2 leaves such features out.
    /// </summary>
    public int MinItemsPerFeature { get; init; } = 1;

    public void Validate()
    {
        if (MinItemsPerFeature < 1) throw new ArgumentException($"MinItemsPerFeature must be at least 1 (got {MinItemsPerFeature})");
    }
}
