namespace ShopLens.Insight.Cohorts;

/// <summary>How <see cref="CohortRetention"/> groups customers and counts them.</summary>
public sealed record CohortOptions
{
    /// <summary>Cohort and retention period (default a month).</summary>
    public CohortPeriod Period { get; init; } = CohortPeriod.Month;

    /// <summary>What starts a cohort (default the first kept order).</summary>
    public CohortBasis By { get; init; } = CohortBasis.FirstPurchase;

    /// <summary>The cut-off (UTC): nothing at or after it counts; default every row, through the end of the store's last day.</summary>
    public DateTime? AsOf { get; init; }
}
