using ShopLens.Insight.Cohorts;

namespace ShopLens.Server.Contracts;

/// <summary>A retention matrix as JSON, the same for <c>shoplens cohorts --json</c> and <c>GET /v1/cohorts</c>.</summary>
public static class CohortJson
{
    public static object Of(RetentionMatrix matrix, bool revenue, string? outFile = null) => new
    {
        period = matrix.Options.Period == CohortPeriod.Week ? "week" : "month",
        by = matrix.Options.By == CohortBasis.FirstSeen ? "first_seen" : "first_purchase",
        metric = revenue ? "revenue" : "customers",
        as_of = matrix.Options.AsOf,
        last_period_start = matrix.LastPeriodStart,
        last_period_complete = matrix.LastPeriodComplete,
        cohorts = matrix.Cohorts.Select(c => new
        {
            start = c.Start,
            size = c.Size,
            values = revenue ? c.Revenue.Select(v => Math.Round(v, 2)).Cast<object>().ToArray() : c.Customers.Cast<object>().ToArray(),
            rates = Enumerable.Range(0, c.Customers.Count)
                .Select(k => revenue ? (c.RevenueRetention(k) is { } r ? Math.Round(r, 6) : (double?)null) : Math.Round(c.CustomerRate(k), 6))
                .ToArray(),
            complete_periods = c.CompletePeriods,
        }),
        out_file = outFile,
    };
}
