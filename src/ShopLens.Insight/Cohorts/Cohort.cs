namespace ShopLens.Insight.Cohorts;

/// <summary>
/// One row of a retention matrix: the customers whose cohort period starts at <see cref="Start"/>, and per period
/// offset k = 0, 1, 2, … (the cohort's own period is 0) how many of them were active and the kept revenue they brought.
/// The lists run up to the last period with data; cells from <see cref="CompletePeriods"/> on cover a period not yet over.
/// </summary>
public sealed record Cohort
{
    /// <summary>First moment of the cohort's period (UTC).</summary>
    public required DateTime Start { get; init; }

    /// <summary>Customers in the cohort.</summary>
    public required long Size { get; init; }

    /// <summary>Cohort members active in period offset k.</summary>
    public required IReadOnlyList<long> Customers { get; init; }

    /// <summary>Kept revenue of the cohort's members in period offset k.</summary>
    public required IReadOnlyList<double> Revenue { get; init; }

    /// <summary>How many leading offsets cover a period that is over by the cut-off (all, or all but the last).</summary>
    public required int CompletePeriods { get; init; }

    /// <summary>Share of the cohort active in offset k (customers_k / size).</summary>
    public double CustomerRate(int k) => (double)Customers[k] / Size;

    /// <summary>Revenue retention: revenue_k / revenue_0; null when the cohort had no revenue in its own period.</summary>
    public double? RevenueRetention(int k) => Revenue[0] > 0 ? Revenue[k] / Revenue[0] : null;
}
