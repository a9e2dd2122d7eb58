using System.Globalization;
using ShopLens.Core.Store;
using ShopLens.Insight.Features;

namespace ShopLens.Insight.Cohorts;

/// <summary>
/// Retention by cohort, as SQL inside the store: customers grouped by the week (ISO, from Monday) or month of their first
/// kept order (or of when they were first seen), then per later period how many of each cohort were active and the kept
/// revenue they brought (<see cref="Purchases.KeptSql"/> defines a kept order). Recurring retention, as PostHog's
/// default: a member counts in every period they were active in, whether or not they were active in between.
/// </summary>
public static class CohortRetention
{
    /// <summary>
    /// The query: one row per cohort and offset with members active there — <c>cohort_start</c>, <c>size</c>,
    /// <c>period_offset</c>, <c>customers</c>, <c>revenue</c> — and one row with a NULL offset for a cohort none of
    /// whose members were active (a sign-up date with no activity), ordered by cohort and offset.
    /// </summary>
    public static string Sql(CohortOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var unit = options.Period == CohortPeriod.Week ? "week" : "month";
        var asOf = options.AsOf;
        // First-seen cohorts count any event or order as activity; revenue is always kept revenue. The millions of events
        // bring none, so they are cut to distinct (customer, period) pairs first, with no sum to keep.
        var otherActivity = options.By == CohortBasis.FirstPurchase ? "" : $"""
            UNION ALL SELECT DISTINCT customer_key, date_trunc('{unit}', ts), {Purchases.Money("NULL")} FROM events WHERE {CutOff.Before(asOf, "ts")}
            UNION ALL SELECT DISTINCT customer_key, date_trunc('{unit}', ts), {Purchases.Money("NULL")} FROM orders WHERE {CutOff.Before(asOf, "ts")}
            """;
        // A customer's cohort is the earliest period they were active in (date_trunc keeps order), or signed up in.
        var signUps = options.By == CohortBasis.FirstPurchase ? "" : $"""
            UNION ALL SELECT customer_key, date_trunc('{unit}', first_seen) FROM customers
            WHERE first_seen IS NOT NULL AND {CutOff.Before(asOf, "first_seen")}
            """;
        // Both period starts are Mondays (or firsts of a month), so the difference is a whole number of periods.
        var offset = options.Period == CohortPeriod.Week
            ? "CAST((CAST(a.period AS DATE) - CAST(m.cohort_start AS DATE)) / 7 AS INTEGER)"
            : "CAST((extract(year FROM a.period) - extract(year FROM m.cohort_start)) * 12 + extract(month FROM a.period) - extract(month FROM m.cohort_start) AS INTEGER)";
        return $"""
            WITH kept AS ({Purchases.KeptSql(asOf)}),
            activity AS MATERIALIZED (
              SELECT customer_key, period, sum(revenue) AS revenue
              FROM (
                SELECT customer_key, date_trunc('{unit}', ts) AS period, {Purchases.Money("revenue")} AS revenue FROM kept
                {otherActivity}) AS acts
              GROUP BY customer_key, period),
            members AS (
              SELECT customer_key, min(period) AS cohort_start
              FROM (SELECT customer_key, period FROM activity {signUps}) AS starts
              GROUP BY customer_key),
            sizes AS (SELECT cohort_start, count(*) AS size FROM members GROUP BY cohort_start),
            cells AS (
              SELECT m.cohort_start, {offset} AS period_offset, count(*) AS customers, coalesce(sum(a.revenue), 0) AS revenue
              FROM members m JOIN activity a ON a.customer_key = m.customer_key
              GROUP BY 1, 2)
            SELECT s.cohort_start, s.size, c.period_offset, c.customers, CAST(c.revenue AS DOUBLE PRECISION) AS revenue
            FROM sizes s LEFT JOIN cells c ON c.cohort_start = s.cohort_start
            ORDER BY s.cohort_start, c.period_offset
            """;
    }

    /// <summary>Computes the matrix; an empty store or a cut-off before any data gives no cohorts.</summary>
    public static RetentionMatrix Compute(IShopStore store, CohortOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var rows = new List<(DateTime Start, long Size, int? Offset, long Customers, double Revenue)>();
        using (var r = store.Query(Sql(options)))
        {
            while (r.Read())
            {
                rows.Add((DateTime.SpecifyKind(r.GetDateTime(0), DateTimeKind.Utc), Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture),
                    r.IsDBNull(2) ? null : Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture),
                    r.IsDBNull(3) ? 0 : Convert.ToInt64(r.GetValue(3), CultureInfo.InvariantCulture),
                    r.IsDBNull(4) ? 0 : Convert.ToDouble(r.GetValue(4), CultureInfo.InvariantCulture)));
            }
        }
        if (rows.Count == 0) return new RetentionMatrix { Options = options, Cohorts = [] };

        // The data runs up to the cut-off, or without one through the end of the last day holding any record.
        var end = options.AsOf?.ToUniversalTime() ?? LastDataDay(store, options.By).AddDays(1);
        var last = PeriodStart(end.AddTicks(-1), options.Period);
        var lastComplete = NextPeriod(last, options.Period) <= end;
        var lastIndex = PeriodIndex(last, options.Period);
        var cohorts = rows.GroupBy(row => row.Start).Select(g =>
        {
            var n = lastIndex - PeriodIndex(g.Key, options.Period) + 1;
            var customers = new long[n];
            var revenue = new double[n];
            foreach (var cell in g.Where(cell => cell.Offset is not null))
            {
                customers[cell.Offset!.Value] = cell.Customers;
                revenue[cell.Offset.Value] = cell.Revenue;
            }
            return new Cohort
            {
                Start = g.Key,
                Size = g.First().Size,
                Customers = customers,
                Revenue = revenue,
                CompletePeriods = lastComplete ? n : n - 1,
            };
        }).ToList();
        return new RetentionMatrix { Options = options, Cohorts = cohorts, LastPeriodStart = last, LastPeriodComplete = lastComplete };
    }

    static DateTime LastDataDay(IShopStore store, CohortBasis by)
    {
        var signUps = by == CohortBasis.FirstSeen ? "UNION ALL SELECT max(first_seen) FROM customers" : "";
        using var r = store.Query($"SELECT max(t) FROM (SELECT max(ts) AS t FROM events UNION ALL SELECT max(ts) FROM orders {signUps}) AS last_times");
        r.Read();
        return r.GetDateTime(0).Date;
    }

    // The first moment of the week (Monday) or month holding the time.
    static DateTime PeriodStart(DateTime time, CohortPeriod period) => period == CohortPeriod.Week
        ? DateTime.SpecifyKind(time.Date.AddDays(-(((int)time.DayOfWeek + 6) % 7)), DateTimeKind.Utc)
        : new DateTime(time.Year, time.Month, 1, 0, 0, 0, DateTimeKind.Utc);

    static DateTime NextPeriod(DateTime start, CohortPeriod period) => period == CohortPeriod.Week ? start.AddDays(7) : start.AddMonths(1);

    // Periods counted from 0001-01-01, which was a Monday.
    static int PeriodIndex(DateTime start, CohortPeriod period) => period == CohortPeriod.Week
        ? (int)((start - DateTime.MinValue).Ticks / TimeSpan.TicksPerDay / 7)
        : start.Year * 12 + start.Month - 1;
}
