using ShopLens.Insight.Features;
using ShopLens.Insight.Reviews;
using Xunit.Abstractions;

namespace ShopLens.Insight.Tests.Reviews;

/// <summary>Review insight joined to behaviour: complaint alerts, unhappy high-value customers, the profile's sentiment columns.</summary>
[Trait("Issue", "9")]
public sealed class ReviewJoinsTests(ReviewShop shop, ITestOutputHelper output) : IClassFixture<ReviewShop>
{
    [Fact]
    public void Complaint_alerts_find_the_planted_bad_batches()
    {
        var asOf = shop.Reviews[^1].Time.AddSeconds(1);
        var alerts = ComplaintAlerts.Find(shop.Reviews, asOf, new ReviewThemes(shop.Reviews, shop.Scores, null));
        foreach (var a in alerts)
            output.WriteLine($"{a.ProductId} bad batch {shop.Truth[a.ProductId].BadBatch}: {a.RecentComplaints}/{a.RecentReviews} vs {a.BaselineComplaints}/{a.BaselineReviews} z {a.Z} theme {a.RecentTheme}");
        var right = alerts.Count(a => shop.Truth[a.ProductId].BadBatch);
        var badBatches = shop.Truth.Count(t => t.Value.BadBatch);
        output.WriteLine($"{alerts.Count} alerts, {right} of them bad batches (precision {(double)right / alerts.Count:P0}); {badBatches} bad batches of {shop.Truth.Count} products");
        Assert.True(alerts.Count >= 3, $"{alerts.Count} alerts");
        Assert.True(right >= 0.8 * alerts.Count, $"precision {right} of {alerts.Count}");
        Assert.All(alerts, a => Assert.True(a.RecentRate > a.BaselineRate));
    }

    [Fact]
    public void Unhappy_high_value_customers_are_top_spenders_who_complained_lately()
    {
        var asOf = shop.Reviews[^1].Time.AddSeconds(1);
        var unhappy = UnhappyCustomers.Find(shop.Store, shop.Reviews, asOf);
        output.WriteLine($"{unhappy.Count} unhappy high-value customers");
        Assert.NotEmpty(unhappy);
        var spend = shop.Store.Query($"SELECT monetary FROM ({CustomerProfile.Sql(asOf)}) AS p WHERE orders > 0");
        var all = new List<double>();
        while (spend.Read()) all.Add(spend.GetDouble(0));
        all.Sort();
        var cut = all[(int)Math.Floor((all.Count - 1) * 0.8)];
        Assert.All(unhappy, c =>
        {
            Assert.True(c.Monetary >= cut, $"{c.CustomerId} spent {c.Monetary} < {cut}");
            Assert.InRange(c.Rating, 1, 2);
            Assert.True(c.ComplainedAt >= asOf.AddDays(-UnhappyCustomers.RecentDays));
        });
        Assert.Equal(unhappy.OrderByDescending(c => c.Monetary).Select(c => c.CustomerId), unhappy.Select(c => c.CustomerId));

        UnhappyCustomers.Save(shop.Store, unhappy, asOf);
        Assert.Equal(unhappy.Count, shop.Store.Scalar<long>($"SELECT count(*) FROM segments WHERE method = 'reviews' AND segment = '{UnhappyCustomers.Segment}'"));
    }

    [Fact]
    public void The_profile_carries_each_customers_review_sentiment()
    {
        using var reader = shop.Store.Query($"SELECT reviews, mean_rating, review_sentiment, negative_reviews FROM ({CustomerProfile.Sql(null)}) AS p");
        int reviewers = 0, withSentiment = 0;
        var pairs = new List<(double Rating, double Sentiment)>();
        while (reader.Read())
        {
            if (Convert.ToInt64(reader.GetValue(0)) == 0) { Assert.True(reader.IsDBNull(2)); continue; }
            reviewers++;
            if (reader.IsDBNull(2)) continue;
            withSentiment++;
            pairs.Add((reader.GetDouble(1), reader.GetDouble(2)));
            Assert.InRange(Convert.ToInt64(reader.GetValue(3)), 0, Convert.ToInt64(reader.GetValue(0)));
        }
        Assert.Equal(reviewers, withSentiment);
        // Texts follow ratings in the synthetic shop, so the text's sentiment must too.
        var low = pairs.Where(p => p.Rating <= 2).Average(p => p.Sentiment);
        var high = pairs.Where(p => p.Rating >= 4).Average(p => p.Sentiment);
        output.WriteLine($"mean sentiment of customers rating <= 2: {low:F3}, >= 4: {high:F3}");
        Assert.True(low < 0.3 && high > 0.7, $"{low} {high}");
    }

    [Fact]
    public void A_rise_in_complaints_has_the_two_proportion_z_score()
    {
        // 6/10 against 10/100: pooled 16/110; z = (0.6 − 0.1) / √(p̄(1 − p̄)(1/10 + 1/100)).
        var pooled = 16.0 / 110;
        Assert.Equal(0.5 / Math.Sqrt(pooled * (1 - pooled) * 0.11), ComplaintAlerts.RiseZ(6, 10, 10, 100), 12);
        Assert.True(ComplaintAlerts.RiseZ(0, 10, 10, 100) < 0);
        // No baseline: set against 0 of 1 review, pooled 3/4, z = 1 / √(0.1875 · (1/3 + 1)) = 2.
        Assert.Equal(2, ComplaintAlerts.RiseZ(3, 3, 0, 0), 12);
        Assert.Equal(0, ComplaintAlerts.RiseZ(4, 4, 6, 6));
    }
}
