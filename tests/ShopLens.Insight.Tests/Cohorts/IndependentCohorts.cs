using ShopLens.Core.Store;
using ShopLens.Insight.Cohorts;

namespace ShopLens.Insight.Tests.Cohorts;

/// <summary>
/// Cohorts recomputed in plain C# from the raw orders and order lines of a store (no shared SQL): an order's revenue is
/// the sum of its lines' quantity × unit price × (1 − discount), else its amount; returned and cancelled orders are not kept.
/// </summary>
static class IndependentCohorts
{
    public sealed record Order(int Customer, DateTime Time, double Revenue, bool Kept);

    public static List<Order> ReadOrders(ShopStore store)
    {
        var lines = new Dictionary<string, double>();
        using (var r = store.Query("SELECT order_id, quantity, unit_price, discount FROM order_lines"))
        {
            while (r.Read())
            {
                var amount = Convert.ToDouble(r.GetValue(1)) * Convert.ToDouble(r.GetValue(2)) * (1 - (r.IsDBNull(3) ? 0 : Convert.ToDouble(r.GetValue(3))));
                lines[r.GetString(0)] = lines.GetValueOrDefault(r.GetString(0)) + amount;
            }
        }
        var orders = new List<Order>();
        using (var r = store.Query("SELECT order_id, customer_key, ts, status, amount FROM orders"))
        {
            while (r.Read())
            {
                var status = r.IsDBNull(3) ? "completed" : r.GetString(3);
                var revenue = lines.TryGetValue(r.GetString(0), out var sum) ? sum : r.IsDBNull(4) ? 0 : Convert.ToDouble(r.GetValue(4));
                orders.Add(new Order(r.GetInt32(1), r.GetDateTime(2), revenue, status is not ("returned" or "cancelled")));
            }
        }
        return orders;
    }

    public static DateTime PeriodStart(DateTime t, CohortPeriod period) => period == CohortPeriod.Month
        ? new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc)
        : DateTime.SpecifyKind(t.Date, DateTimeKind.Utc).AddDays(t.DayOfWeek == DayOfWeek.Sunday ? -6 : 1 - (int)t.DayOfWeek);

    /// <summary>
    /// Cohort start → (size, customers per period start, revenue per period start). First-purchase cohorts start at the
    /// first kept order and count kept orders; first-seen cohorts (an orders-only store) start at the first order of any
    /// status and count any order as activity.
    /// </summary>
    public static SortedDictionary<DateTime, (int Size, Dictionary<DateTime, int> Active, Dictionary<DateTime, double> Revenue)> Compute(
        IEnumerable<Order> orders, CohortPeriod period, CohortBasis by)
    {
        var result = new SortedDictionary<DateTime, (int, Dictionary<DateTime, int>, Dictionary<DateTime, double>)>();
        foreach (var customer in orders.GroupBy(o => o.Customer))
        {
            var activity = by == CohortBasis.FirstPurchase ? customer.Where(o => o.Kept).ToList() : customer.ToList();
            if (activity.Count == 0) continue;
            var start = PeriodStart(activity.Min(o => o.Time), period);
            if (!result.TryGetValue(start, out var cohort)) result[start] = cohort = (0, [], []);
            var (size, active, revenue) = cohort;
            foreach (var p in activity.Select(o => PeriodStart(o.Time, period)).Distinct()) active[p] = active.GetValueOrDefault(p) + 1;
            foreach (var o in customer.Where(o => o.Kept)) revenue[PeriodStart(o.Time, period)] = revenue.GetValueOrDefault(PeriodStart(o.Time, period)) + o.Revenue;
            result[start] = (size + 1, active, revenue);
        }
        return result;
    }

    /// <summary>Asserts that the matrix has exactly the independent cohorts, cell by cell, zeros included.</summary>
    public static void AssertEqual(IEnumerable<Order> orders, RetentionMatrix matrix)
    {
        var period = matrix.Options.Period;
        var expected = Compute(orders, period, matrix.Options.By);
        Assert.Equal(expected.Keys, matrix.Cohorts.Select(c => c.Start));
        var next = period == CohortPeriod.Month ? (Func<DateTime, DateTime>)(d => d.AddMonths(1)) : d => d.AddDays(7);
        foreach (var cohort in matrix.Cohorts)
        {
            var (size, active, revenue) = expected[cohort.Start];
            Assert.Equal(size, cohort.Size);
            var p = cohort.Start;
            for (var k = 0; k < cohort.Customers.Count; k++, p = next(p))
            {
                Assert.True(active.GetValueOrDefault(p) == cohort.Customers[k], $"cohort {cohort.Start:yyyy-MM-dd} offset {k}: {cohort.Customers[k]} active, expected {active.GetValueOrDefault(p)}");
                Assert.True(Math.Abs(revenue.GetValueOrDefault(p) - cohort.Revenue[k]) < 0.01,
                    $"cohort {cohort.Start:yyyy-MM-dd} offset {k}: revenue {cohort.Revenue[k]}, expected {revenue.GetValueOrDefault(p)}");
            }
            // Every period with activity lies within the row.
            Assert.All(active.Keys, a => Assert.True(a < p, $"cohort {cohort.Start:yyyy-MM-dd}: activity in {a:yyyy-MM-dd} beyond the row's end {p:yyyy-MM-dd}"));
        }
    }
}
