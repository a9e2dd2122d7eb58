namespace ShopLens.Insight.Sequences;

/// <summary>Which of the store's events <see cref="ShopSequences.Load"/> turns into sequences.</summary>
public sealed record ShopSequenceOptions
{
    /// <summary>
    /// Only events strictly before this instant (UTC), so that a time-split evaluation builds its inputs from the past
    /// alone; null (the default) takes every event.
    /// </summary>
    public DateTime? Before { get; init; }

    /// <summary>
    /// At most this many events per customer, the latest ones: a sequence model reads a fixed window, and older
    /// events would only cost memory; null (the default) keeps them all.
    /// </summary>
    public int? MaxLength { get; init; }

    internal void Validate()
    {
        if (MaxLength is < 1) throw new ArgumentException($"the most events per customer must be at least 1 (got {MaxLength})");
    }
}
