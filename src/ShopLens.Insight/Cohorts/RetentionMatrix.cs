using System.Globalization;

namespace ShopLens.Insight.Cohorts;

/// <summary>
/// The result of <see cref="CohortRetention.Compute"/>: one <see cref="Cohort"/> per period in which at least one customer
/// started, oldest first, and the last period any data falls in.
/// </summary>
public sealed record RetentionMatrix
{
    public required CohortOptions Options { get; init; }

    /// <summary>Non-empty cohorts, oldest first; none for an empty store or a cut-off before any data.</summary>
    public required IReadOnlyList<Cohort> Cohorts { get; init; }

    /// <summary>Start of the last period with data (null without cohorts).</summary>
    public DateTime? LastPeriodStart { get; init; }

    /// <summary>Whether that last period is over by the cut-off.</summary>
    public bool LastPeriodComplete { get; init; }

    /// <summary>Longest row length (the oldest cohort's number of offsets).</summary>
    public int Offsets => Cohorts.Count == 0 ? 0 : Cohorts.Max(c => c.Customers.Count);

    /// <summary>
    /// Writes the matrix in long form, one line per cohort and offset:
    /// <c>cohort_start,size,offset,customers,revenue,customer_rate,revenue_retention,complete</c>.
    /// </summary>
    public void WriteCsv(TextWriter writer)
    {
        writer.WriteLine("cohort_start,size,offset,customers,revenue,customer_rate,revenue_retention,complete");
        foreach (var c in Cohorts)
        {
            for (var k = 0; k < c.Customers.Count; k++)
            {
                var retention = c.RevenueRetention(k);
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{c.Start:yyyy-MM-dd},{c.Size},{k},{c.Customers[k]},{c.Revenue[k]:0.##},{c.CustomerRate(k):0.######}," +
                    $"{(retention is null ? "" : retention.Value.ToString("0.######", CultureInfo.InvariantCulture))},{(k < c.CompletePeriods ? "true" : "false")}"));
            }
        }
    }
}
