namespace ShopLens.Insight.Cohorts;

/// <summary>The calendar period cohorts are grouped by and retention is counted in (UTC).</summary>
public enum CohortPeriod
{
    /// <summary>An ISO week, Monday 00:00 to the next Monday.</summary>
    Week,

    /// <summary>A calendar month.</summary>
    Month,
}
