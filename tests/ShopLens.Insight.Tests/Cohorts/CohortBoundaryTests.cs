using ShopLens.Insight.Cohorts;

namespace ShopLens.Insight.Tests.Cohorts;

/// <summary>Hand-made stores: ISO week and month boundaries, the cut-off, first-seen cohorts, and empty results.</summary>
[Trait("Issue", "3")]
public sealed class CohortBoundaryTests
{
    const string OrdersHeader = "order_id,customer_id,timestamp,status,amount\n";

    static DateTime Utc(int y, int m, int d) => new(y, m, d, 0, 0, 0, DateTimeKind.Utc);

    static RetentionMatrix Compute(TestStore shop, CohortPeriod period, CohortBasis by = CohortBasis.FirstPurchase, DateTime? asOf = null) =>
        CohortRetention.Compute(shop.Store, new CohortOptions { Period = period, By = by, AsOf = asOf });

    [Fact]
    public void Weeks_start_on_Monday_and_run_across_the_new_year()
    {
        using var shop = new TestStore().With(("orders", OrdersHeader + """
            a1,A,2024-12-29T23:59:59Z,completed,10
            a2,A,2024-12-30T00:00:00Z,completed,5
            b1,B,2025-01-01T12:00:00Z,completed,20
            c1,C,2025-01-05T23:59:59Z,completed,30
            c2,C,2025-01-06T00:00:00Z,completed,3
            """));
        var matrix = Compute(shop, CohortPeriod.Week);
        // Sunday 29 December 2024 is in the week of Monday the 23rd; Monday the 30th opens ISO week 1 of 2025.
        Assert.Equal([Utc(2024, 12, 23), Utc(2024, 12, 30)], matrix.Cohorts.Select(c => c.Start));
        var (a, bc) = (matrix.Cohorts[0], matrix.Cohorts[1]);
        Assert.Equal(1, a.Size);
        Assert.Equal([1L, 1L, 0L], a.Customers);
        Assert.Equal([10.0, 5.0, 0.0], a.Revenue);
        Assert.Equal(0.5, a.RevenueRetention(1));
        Assert.Equal(2, bc.Size);
        Assert.Equal([2L, 1L], bc.Customers);
        Assert.Equal([50.0, 3.0], bc.Revenue);
        Assert.Equal(0.5, bc.CustomerRate(1));
        // Without a cut-off the data run through Monday 6 January, so that week is not over.
        Assert.Equal(Utc(2025, 1, 6), matrix.LastPeriodStart);
        Assert.False(matrix.LastPeriodComplete);
        Assert.Equal(2, a.CompletePeriods);
        Assert.Equal(1, bc.CompletePeriods);
    }

    [Fact]
    public void Months_split_at_midnight_and_returns_and_cancellations_do_not_count()
    {
        using var shop = new TestStore().With(("orders", OrdersHeader + """
            a1,A,2025-01-31T23:59:59Z,completed,100
            a2,A,2025-02-01T00:00:00Z,completed,50
            a3,A,2025-04-30T10:00:00Z,returned,70
            b0,B,2025-01-15T00:00:00Z,cancelled,999
            b1,B,2025-02-14T00:00:00Z,paid,40
            b2,B,2025-04-01T00:00:00Z,completed,10
            """));
        var matrix = Compute(shop, CohortPeriod.Month);
        Assert.Equal([Utc(2025, 1, 1), Utc(2025, 2, 1)], matrix.Cohorts.Select(c => c.Start));
        Assert.Equal([1L, 1L, 0L, 0L], matrix.Cohorts[0].Customers);
        Assert.Equal([100.0, 50.0, 0.0, 0.0], matrix.Cohorts[0].Revenue);
        Assert.Equal([1L, 0L, 1L], matrix.Cohorts[1].Customers);
        Assert.Equal(0.25, matrix.Cohorts[1].RevenueRetention(2));
        // The last record is on 30 April, so April is over.
        Assert.True(matrix.LastPeriodComplete);
        Assert.Equal(4, matrix.Cohorts[0].CompletePeriods);
    }

    [Fact]
    public void Nothing_at_or_after_the_cut_off_counts_and_an_unfinished_period_is_flagged()
    {
        using var shop = new TestStore().With(("orders", OrdersHeader + """
            a1,A,2025-01-10T00:00:00Z,completed,10
            a2,A,2025-02-28T23:59:59Z,completed,20
            a3,A,2025-03-01T00:00:00Z,completed,40
            b1,B,2025-03-01T00:00:00Z,completed,80
            """));
        var atMonthStart = Compute(shop, CohortPeriod.Month, asOf: Utc(2025, 3, 1));
        var cohort = Assert.Single(atMonthStart.Cohorts);
        Assert.Equal([1L, 1L], cohort.Customers);
        Assert.Equal([10.0, 20.0], cohort.Revenue);
        Assert.True(atMonthStart.LastPeriodComplete);
        Assert.Equal(2, cohort.CompletePeriods);

        var midMonth = Compute(shop, CohortPeriod.Month, asOf: new DateTime(2025, 3, 1, 0, 0, 1, DateTimeKind.Utc));
        Assert.Equal(2, midMonth.Cohorts.Count);
        Assert.Equal([1L, 1L, 1L], midMonth.Cohorts[0].Customers);
        Assert.False(midMonth.LastPeriodComplete);
        Assert.Equal(2, midMonth.Cohorts[0].CompletePeriods);
        Assert.Equal(0, midMonth.Cohorts[1].CompletePeriods);

        // A cut-off long after the data: the months in between are there, empty and over.
        var late = Compute(shop, CohortPeriod.Month, asOf: Utc(2025, 6, 1));
        Assert.Equal([1L, 1L, 1L, 0L, 0L], late.Cohorts[0].Customers);
        Assert.True(late.LastPeriodComplete);
    }

    [Fact]
    public void First_seen_cohorts_use_the_earlier_of_sign_up_and_first_activity_and_count_any_activity()
    {
        using var shop = new TestStore().With(
            ("customers", """
                customer_id,first_seen
                A,2025-01-20T00:00:00Z
                B,2025-03-10T00:00:00Z
                S,2025-01-05T00:00:00Z
                """),
            ("events", """
                customer_id,product_id,type,timestamp
                A,p1,view,2025-02-03T00:00:00Z
                B,p1,view,2025-02-20T00:00:00Z
                """),
            ("orders", OrdersHeader + """
                a1,A,2025-03-05T00:00:00Z,returned,30
                b1,B,2025-03-15T00:00:00Z,completed,25
                """));
        var matrix = Compute(shop, CohortPeriod.Month, CohortBasis.FirstSeen);
        // A and S signed up in January; B viewed in February before signing up in March.
        Assert.Equal([Utc(2025, 1, 1), Utc(2025, 2, 1)], matrix.Cohorts.Select(c => c.Start));
        var january = matrix.Cohorts[0];
        Assert.Equal(2, january.Size);
        // S never did anything; A viewed in February and placed a (returned) order in March: activity, no revenue.
        Assert.Equal([0L, 1L, 1L], january.Customers);
        Assert.Equal([0.0, 0.0, 0.0], january.Revenue);
        Assert.Null(january.RevenueRetention(1));
        Assert.Equal([1L, 1L], matrix.Cohorts[1].Customers);
        Assert.Equal([0.0, 25.0], matrix.Cohorts[1].Revenue);

        var byPurchase = Compute(shop, CohortPeriod.Month);
        Assert.Equal(Utc(2025, 3, 1), Assert.Single(byPurchase.Cohorts).Start);
    }

    [Fact]
    public void An_empty_store_or_a_cut_off_before_any_data_gives_no_cohorts()
    {
        using var empty = new TestStore();
        foreach (var by in new[] { CohortBasis.FirstPurchase, CohortBasis.FirstSeen })
        {
            var none = Compute(empty, CohortPeriod.Week, by);
            Assert.Empty(none.Cohorts);
            Assert.Null(none.LastPeriodStart);
            Assert.Equal(0, none.Offsets);
        }

        using var shop = new TestStore().With(("orders", OrdersHeader + "a1,A,2025-01-10T00:00:00Z,completed,10\n"));
        Assert.Empty(Compute(shop, CohortPeriod.Month, asOf: Utc(2025, 1, 10)).Cohorts);
        Assert.Empty(Compute(shop, CohortPeriod.Month, CohortBasis.FirstSeen, asOf: Utc(2024, 1, 1)).Cohorts);
        var writer = new StringWriter();
        Compute(empty, CohortPeriod.Month).WriteCsv(writer);
        Assert.Equal("cohort_start,size,offset,customers,revenue,customer_rate,revenue_retention,complete", writer.ToString().Trim());
    }

    [Fact]
    public void Purchase_events_make_the_orders_of_a_store_without_orders()
    {
        using var shop = new TestStore().With(("events", """
            customer_id,product_id,type,timestamp,price,quantity
            A,p1,view,2025-01-02T00:00:00Z,,
            A,p1,purchase,2025-01-02T00:05:00Z,10,2
            A,p2,purchase,2025-01-02T00:05:00Z,5,1
            A,p1,purchase,2025-02-02T00:00:00Z,10,1
            B,p1,view,2025-01-20T00:00:00Z,,
            """));
        var cohort = Assert.Single(Compute(shop, CohortPeriod.Month).Cohorts);
        Assert.Equal(1, cohort.Size);
        Assert.Equal([1L, 1L], cohort.Customers);
        Assert.Equal([25.0, 10.0], cohort.Revenue);
        var writer = new StringWriter();
        Compute(shop, CohortPeriod.Month).WriteCsv(writer);
        Assert.Equal(
            """
            cohort_start,size,offset,customers,revenue,customer_rate,revenue_retention,complete
            2025-01-01,1,0,1,25,1,1,true
            2025-01-01,1,1,1,10,1,0.4,false
            """, writer.ToString().Trim().ReplaceLineEndings("\n"));
    }
}
