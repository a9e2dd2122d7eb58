using ShopLens.Insight.Cohorts;

namespace ShopLens.Insight.Tests.Cohorts;

/// <summary>The UCI Online Retail file imported once through its preset, for every test of the class.</summary>
public sealed class OnlineRetailStore : IDisposable
{
    internal TestStore Shop { get; } = new TestStore().WithDataset("online_retail/online_retail.csv.gz", "online-retail");

    internal List<IndependentCohorts.Order> Orders { get; }

    public OnlineRetailStore() => Orders = IndependentCohorts.ReadOrders(Shop.Store);

    public void Dispose() => Shop.Dispose();
}

/// <summary>The CDNOW master file imported once through its preset.</summary>
public sealed class CdnowStore : IDisposable
{
    internal TestStore Shop { get; } = new TestStore().WithDataset("cdnow/CDNOW_master.txt", "cdnow");

    internal List<IndependentCohorts.Order> Orders { get; }

    public CdnowStore() => Orders = IndependentCohorts.ReadOrders(Shop.Store);

    public void Dispose() => Shop.Dispose();
}

/// <summary>Cohort numbers on the real UCI Online Retail data equal a plain C# recount over the same store's rows.</summary>
[Trait("Issue", "3")]
public sealed class OnlineRetailCohortTests(OnlineRetailStore data) : IClassFixture<OnlineRetailStore>
{
    [Theory]
    [InlineData(CohortPeriod.Month, CohortBasis.FirstPurchase)]
    [InlineData(CohortPeriod.Week, CohortBasis.FirstPurchase)]
    [InlineData(CohortPeriod.Month, CohortBasis.FirstSeen)]
    public void Matrix_equals_an_independent_recount(CohortPeriod period, CohortBasis by)
    {
        var matrix = CohortRetention.Compute(data.Shop.Store, new CohortOptions { Period = period, By = by });
        IndependentCohorts.AssertEqual(data.Orders, matrix);
    }

    [Fact]
    public void Monthly_first_purchase_cohorts_have_the_known_shape()
    {
        var matrix = CohortRetention.Compute(data.Shop.Store, new CohortOptions());
        // December 2010 to December 2011; the data stop on 9 December 2011, so the last month is flagged.
        Assert.Equal(13, matrix.Cohorts.Count);
        Assert.Equal(new DateTime(2010, 12, 1, 0, 0, 0, DateTimeKind.Utc), matrix.Cohorts[0].Start);
        Assert.False(matrix.LastPeriodComplete);
        Assert.Equal(new DateTime(2011, 12, 1, 0, 0, 0, DateTimeKind.Utc), matrix.LastPeriodStart);
        var first = matrix.Cohorts[0];
        Assert.Equal(885, first.Size);
        Assert.Equal(13, first.Customers.Count);
        Assert.Equal(12, first.CompletePeriods);
        Assert.Equal(324, first.Customers[1]);
        Assert.All(matrix.Cohorts, c => Assert.Equal(c.Size, c.Customers[0]));
        Assert.All(matrix.Cohorts, c => Assert.Equal(1.0, c.RevenueRetention(0)));
        Assert.Equal(matrix.Cohorts.Sum(c => c.Size), data.Orders.Where(o => o.Kept).Select(o => o.Customer).Distinct().Count());
    }

    [Fact]
    public void A_cut_off_equals_the_recount_of_the_orders_before_it()
    {
        var asOf = new DateTime(2011, 6, 15, 12, 0, 0, DateTimeKind.Utc);
        var matrix = CohortRetention.Compute(data.Shop.Store, new CohortOptions { AsOf = asOf });
        IndependentCohorts.AssertEqual(data.Orders.Where(o => o.Time < asOf), matrix);
        Assert.Equal(new DateTime(2011, 6, 1, 0, 0, 0, DateTimeKind.Utc), matrix.LastPeriodStart);
        Assert.False(matrix.LastPeriodComplete);
        Assert.Equal(7, matrix.Cohorts[0].Customers.Count);
    }
}

/// <summary>Cohort numbers on the CDNOW master file (orders with amounts, no lines) equal a plain C# recount.</summary>
[Trait("Issue", "3")]
public sealed class CdnowCohortTests(CdnowStore data) : IClassFixture<CdnowStore>
{
    [Theory]
    [InlineData(CohortPeriod.Month)]
    [InlineData(CohortPeriod.Week)]
    public void Matrix_equals_an_independent_recount(CohortPeriod period)
    {
        var matrix = CohortRetention.Compute(data.Shop.Store, new CohortOptions { Period = period });
        IndependentCohorts.AssertEqual(data.Orders, matrix);
    }

    [Fact]
    public void Customers_joined_in_the_first_quarter_of_1997_and_the_last_month_is_complete()
    {
        var matrix = CohortRetention.Compute(data.Shop.Store, new CohortOptions());
        // The CDNOW panel is the customers whose first purchase fell in January to March 1997, followed to June 1998.
        Assert.Equal(3, matrix.Cohorts.Count);
        Assert.Equal(23_570, matrix.Cohorts.Sum(c => c.Size));
        Assert.Equal(new DateTime(1998, 6, 1, 0, 0, 0, DateTimeKind.Utc), matrix.LastPeriodStart);
        // The last record is on 30 June 1998, so without a cut-off June counts as over.
        Assert.True(matrix.LastPeriodComplete);
        Assert.Equal([18, 17, 16], matrix.Cohorts.Select(c => c.Customers.Count));
    }
}
