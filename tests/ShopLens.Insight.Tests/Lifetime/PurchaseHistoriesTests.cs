using System.Globalization;
using ShopLens.Insight.Lifetime;

namespace ShopLens.Insight.Tests.Lifetime;

[Trait("Issue", "5")]
public sealed class PurchaseHistoriesTests
{
    [Fact]
    public void The_cdnow_sample_gives_the_published_btyd_summary_for_every_customer()
    {
        using var t = new TestStore().WithDataset("cdnow/CDNOW_sample.txt", "cdnow");
        var histories = PurchaseHistories.Load(t.Store, new DateTime(1997, 9, 30));
        var ids = new Dictionary<int, string>();
        using (var reader = t.Store.Query("SELECT customer_key, customer_id FROM customers"))
            while (reader.Read()) ids[reader.GetInt32(0)] = reader.GetString(1);
        // ID,x,t_x,T,zbar: Fader & Hardie's 39-week calibration summary of the 2,357 customers, in weeks.
        var expected = File.ReadLines(TestStore.Dataset("cdnow/cdnow_customers_summary_with_transactions.csv")).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[1..].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
        Assert.Equal(2_357, histories.Count);
        for (var i = 0; i < histories.Count; i++)
        {
            var e = expected[ids[histories.CustomerKeys[i]]];
            Assert.Equal(e[0], histories.Frequency[i]);
            Assert.Equal(e[1], histories.Recency[i], 0.00501); // the summary prints 2 decimals
            Assert.Equal(e[2], histories.Age[i], 0.00501); // the summary prints 2 decimals
            if (e[0] > 0) Assert.Equal(e[3], histories.MeanRepeatValue[i], 0.00501); // the summary prints 2 decimals
            else Assert.True(double.IsNaN(histories.MeanRepeatValue[i]));
        }
    }

    [Fact]
    public void Same_day_orders_are_one_purchase_and_the_holdout_counts_days_and_kept_spend()
    {
        using var t = new TestStore().With(("orders", """
            order_id,customer_id,timestamp,status,amount
            o1,ann,2025-01-01T09:00:00Z,completed,10
            o2,ann,2025-01-01T17:00:00Z,completed,5
            o3,ann,2025-01-15T10:00:00Z,completed,20
            o4,ann,2025-01-31T23:59:00Z,cancelled,99
            o5,ann,2025-02-03T10:00:00Z,completed,7
            o6,ann,2025-02-03T11:00:00Z,completed,3
            o7,ann,2025-02-20T10:00:00Z,completed,8
            o8,bob,2025-02-05T10:00:00Z,completed,50
            """));
        var h = PurchaseHistories.Load(t.Store, new DateTime(2025, 1, 31), new DateTime(2025, 2, 28), TimeUnit.Day);
        // bob first bought in the holdout: not a calibration customer.
        Assert.Equal(1, h.Count);
        Assert.Equal(1, h.Frequency[0]);
        Assert.Equal(14, h.Recency[0]);
        Assert.Equal(30, h.Age[0]);
        Assert.Equal(20, h.MeanRepeatValue[0]);
        Assert.Equal(2, h.HoldoutPurchases![0]);
        Assert.Equal(18, h.HoldoutSpend![0]);
        Assert.Throws<ArgumentException>(() => PurchaseHistories.Load(t.Store, new DateTime(2025, 1, 31), new DateTime(2025, 1, 31)));
    }
}
