using System.Globalization;
using ShopLens.Core.Store;
using ShopLens.Insight.Segments;

namespace ShopLens.Insight.Tests.Segments;

/// <summary>
/// RFM scores and segments on the real UCI Online Retail file and CDNOW master equal an independent computation
/// (<see cref="RfmReference"/>, plain C# over the store's rows), with and without a cut-off.
/// </summary>
[Trait("Issue", "3")]
public sealed class RfmRealDataTests(RfmRealDataTests.Stores stores) : IClassFixture<RfmRealDataTests.Stores>
{
    /// <summary>Both data sets imported once for the class.</summary>
    public sealed class Stores : IDisposable
    {
        public Stores()
        {
            Retail.ImportPreset("online_retail/online_retail.csv.gz", "online-retail");
            Cdnow.ImportPreset("cdnow/CDNOW_master.txt", "cdnow");
        }

        internal SegmentShop Retail { get; } = new();
        internal SegmentShop Cdnow { get; } = new();

        public void Dispose()
        {
            Retail.Dispose();
            Cdnow.Dispose();
        }
    }

    ShopStore Store(string name) => name == "retail" ? stores.Retail.Store : stores.Cdnow.Store;

    [Theory]
    [InlineData("retail", null)]
    [InlineData("retail", "2011-06-01")]
    [InlineData("cdnow", null)]
    [InlineData("cdnow", "1997-10-01")]
    public void Scores_and_segments_equal_the_independent_computation(string data, string? asOfText)
    {
        var store = Store(data);
        DateTime? asOf = asOfText is null ? null : DateTime.Parse(asOfText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var expected = RfmReference.Compute(store, asOf);
        var mismatches = new List<string>();
        var seen = 0;
        using (var r = store.Query(RfmSegmentation.Sql(asOf)))
        {
            while (r.Read())
            {
                seen++;
                var key = r.GetInt32(0);
                if (!expected.TryGetValue(key, out var e))
                {
                    mismatches.Add($"{r.GetString(1)} is scored but has no kept order");
                    continue;
                }
                var actual = new RfmReference.Row(r.GetString(1), r.GetDouble(2), r.GetInt64(3), r.GetDecimal(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetString(9));
                if (Math.Abs(actual.RecencyDays - e.RecencyDays) > 1e-6 || actual with { RecencyDays = e.RecencyDays } != e)
                    mismatches.Add($"SQL {actual} vs C# {e}");
                Assert.Equal((actual.F + actual.M) / 2, r.GetInt32(8));
            }
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} customers differ, e.g. {string.Join("; ", mismatches.Take(5))}");
        Assert.Equal(expected.Count, seen);

        var result = RfmSegmentation.Run(store, asOf);
        Assert.Equal(expected.Count, result.Customers);
        var bySegment = expected.Values.GroupBy(e => e.Segment).ToDictionary(g => g.Key, g => g.ToList());
        var total = expected.Values.Sum(e => e.Monetary);
        Assert.Equal(RfmGrid.Segments.Select(s => s.Name), result.Segments.Select(s => s.Name));
        foreach (var s in result.Segments)
        {
            var members = bySegment.GetValueOrDefault(s.Name) ?? [];
            Assert.Equal(members.Count, s.Customers);
            Assert.Equal(members.Count, s.Buyers);
            Assert.Equal((double)members.Sum(m => m.Monetary), s.Revenue, 1e-6);
            Assert.Equal((double)members.Count / expected.Count, s.Share, 1e-12);
            Assert.Equal((double)(members.Sum(m => m.Monetary) / total), s.RevenueShare, 1e-9);
            if (members.Count > 0) Assert.Equal(members.Average(m => m.R), s.MeanR!.Value, 1e-9);
            else Assert.Null(s.MeanR);
        }
        Assert.Equal(expected.Count, store.Scalar<long>($"SELECT count(*) FROM segments WHERE method = 'rfm'"));
    }

    [Fact]
    public void Known_answers_on_the_full_data()
    {
        // The 4,339 customers with a kept order are the figure the Online Retail literature quotes after dropping
        // guest and cancelled invoices; every one of CDNOW's 23,570 customers bought.
        Assert.Equal(4339, RfmReference.Compute(stores.Retail.Store, null).Count);
        var cdnow = RfmReference.Compute(stores.Cdnow.Store, null);
        Assert.Equal(23570, cdnow.Count);
        // CDNOW's tie: the 11,908 one-order customers all score F 1, and two orders already score F 3 (F 2 is empty).
        Assert.Equal(11908, cdnow.Values.Count(c => c.Frequency == 1));
        Assert.All(cdnow.Values.Where(c => c.Frequency == 1), c => Assert.Equal(1, c.F));
        Assert.All(cdnow.Values.Where(c => c.Frequency == 2), c => Assert.Equal(3, c.F));
        Assert.DoesNotContain(cdnow.Values, c => c.F == 2);
    }
}
