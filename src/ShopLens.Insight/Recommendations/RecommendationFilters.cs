namespace ShopLens.Insight.Recommendations;

/// <summary>The shop's rules on what may be recommended, applied after the model has ranked.</summary>
public sealed record RecommendationFilters
{
    /// <summary>Leave out what the customer already bought, unless the product is bought again and again.</summary>
    public bool ExcludeBought { get; init; } = true;

    /// <summary>At most this many products of one top-level category in a list (0: no cap).</summary>
    public int MaxPerCategory { get; init; } = 3;

    /// <summary>Products nobody touched in this many days before the data end count as no longer sold (0: keep all).</summary>
    public int UnavailableAfterDays { get; init; } = 90;

    public void Validate()
    {
        if (MaxPerCategory < 0) throw new ArgumentException($"the per-category cap must be ≥ 0 (got {MaxPerCategory})");
        if (UnavailableAfterDays < 0) throw new ArgumentException($"the unavailable-after days must be ≥ 0 (got {UnavailableAfterDays})");
    }
}
