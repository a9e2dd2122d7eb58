using System.Globalization;
using ShopLens.Core.Store;

namespace ShopLens.Insight.Features;

/// <summary>The headline figures of a <see cref="CustomerProfile"/>: who was profiled, who bought, and how recently.</summary>
/// <param name="Customers">customers with any event or order before the cut-off</param>
/// <param name="Buyers">those with at least one kept order</param>
/// <param name="Revenue">kept revenue of all customers</param>
/// <param name="MedianRecencyDays">median days since the last kept order, over buyers (0 without buyers)</param>
/// <param name="MedianTenureDays">median days since first seen</param>
/// <param name="MeanEvents">mean events per customer</param>
public sealed record ProfileSummary(long Customers, long Buyers, double Revenue, double MedianRecencyDays, double MedianTenureDays, double MeanEvents)
{
    /// <summary>Summarises the profile as of <paramref name="asOf"/>.</summary>
    public static ProfileSummary Of(IShopStore store, DateTime? asOf) => Of(store, $"({CustomerProfile.Sql(asOf)}) AS profile");

    /// <summary>Summarises a profile already computed into a table (<see cref="CustomerProfile.Materialize"/>).</summary>
    public static ProfileSummary Of(IShopStore store, string profileTable)
    {
        using var r = store.Query($"""
            SELECT count(*), count(*) FILTER (WHERE orders > 0), coalesce(sum(monetary), 0),
              percentile_cont(0.5) WITHIN GROUP (ORDER BY recency_days),
              percentile_cont(0.5) WITHIN GROUP (ORDER BY tenure_days), avg(events)
            FROM {profileTable}
            """);
        r.Read();
        double Number(int i) => r.IsDBNull(i) ? 0 : Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture);
        return new ProfileSummary(r.GetInt64(0), r.GetInt64(1), Number(2), Number(3), Number(4), Number(5));
    }
}
