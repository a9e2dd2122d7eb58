using ShopLens.Insight.Lifetime;

namespace ShopLens.Insight.Tests.Lifetime;

/// <summary>FHL 2005's tracking curve on CDNOW: cumulative repeat purchases, actual and expected, period by period.</summary>
[Trait("Issue", "5")]
public sealed class PurchaseTrackingTests
{
    [Fact]
    public void Cdnow_tracking_counts_the_calibration_repeats_and_sums_the_expected_purchases_as_lifetimes_does()
    {
        using var t = new TestStore().WithDataset("cdnow/CDNOW_sample.txt", "cdnow");
        var histories = PurchaseHistories.Load(t.Store, new DateTime(1997, 9, 30), new DateTime(1998, 6, 30));
        var model = RepeatPurchaseModels.Fit("bgnbd", histories);
        var tracking = PurchaseTracking.Compute(t.Store, histories, model);

        // Weekly periods from the first week of 1997 to the end of the 78 weeks, one ending on the calibration end.
        Assert.Equal(new DateTime(1997, 1, 7), tracking[0].PeriodEnd);
        Assert.Equal(new DateTime(1998, 6, 30), tracking[^1].PeriodEnd);
        Assert.All(tracking.Zip(tracking.Skip(1)), p => Assert.True(p.Second.Actual >= p.First.Actual && p.Second.Expected > p.First.Expected));
        var atCalibration = Assert.Single(tracking, r => r.PeriodEnd == new DateTime(1997, 9, 30));
        // Σx of the published 39-week summary.
        Assert.Equal(2457, atCalibration.Actual);
        Assert.Equal(4339, tracking[^1].Actual);
        // lifetimes 0.11.3: BetaGeoFitter.expected_number_of_purchases_up_to_time at every buyer's age in days on
        // 1997-09-30 and 1998-06-30, summed, at these parameters (α in days = 7 × α in weeks). Its
        // expected_cumulative_transactions(freq='D') prints the same sums one row later (day 273 for 1997-10-01).
        Assert.Equal(2493.9566454955375, atCalibration.Expected, 1e-6 * 2494);
        Assert.Equal(4160.609462706097, tracking[^1].Expected, 1e-6 * 4161);
    }
}
