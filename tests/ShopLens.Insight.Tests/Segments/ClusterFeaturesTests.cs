using ShopLens.Insight.Features;
using ShopLens.Insight.Segments;

namespace ShopLens.Insight.Tests.Segments;

/// <summary>Which profile columns clustering takes, on which scale, and the words for them.</summary>
[Trait("Issue", "3")]
public sealed class ClusterFeaturesTests
{
    [Fact]
    public void Every_numeric_profile_column_is_available_and_has_words()
    {
        Assert.Equal(CustomerProfile.Columns.Where(c => c is not ("customer_key" or "customer_id" or "first_seen" or "top_category" or "top_brand")),
            ClusterFeatures.Available);
        Assert.All(ClusterFeatures.Default.Concat(ClusterFeatures.Described), c => Assert.Contains(c, ClusterFeatures.Available));
        Assert.All(ClusterFeatures.Available, c => Assert.NotEqual(ClusterFeatures.Describe(c, true), ClusterFeatures.Describe(c, false)));
        Assert.Equal("many view events in the last 30 days", ClusterFeatures.Describe("n_view_30d", true));
        Assert.Equal("few remove cart events", ClusterFeatures.Describe("n_remove_cart", false));
        Assert.Equal("discount-driven", ClusterFeatures.Describe("discount_share", true));
    }

    [Theory]
    [InlineData("orders", 9, 2.302585092994046)]
    [InlineData("n_view_7d", -3, 0)]
    [InlineData("monetary", 0, 0)]
    [InlineData("view_to_cart", 0.25, 0.25)]
    [InlineData("last_active_days", 12.5, 12.5)]
    public void Counts_and_money_are_log_scaled_rates_and_days_are_not(string column, double raw, double transformed)
    {
        Assert.Equal(transformed, ClusterFeatures.Transform(column, raw), 14);
        if (raw >= 0) Assert.Equal(raw, ClusterFeatures.Untransform(column, ClusterFeatures.Transform(column, raw)), 12);
    }
}
