using ShopLens.Core.Store;
using ShopLens.Insight.Features;

namespace ShopLens.Insight.Lifetime;

/// <summary>
/// The next order from a customer's own rhythm, without any other customer's: purchases as a Poisson process at the
/// customer's own rate λ, uncertain as the gamma posterior after n repeat purchases over the S days since the first
/// (flat prior). The wait from the cut-off to the next order is then Lomax: P(wait &gt; t) = (S / (S + t))ⁿ, so its
/// q-quantile is S·((1 − q)^(−1/n) − 1): the median is the expected date, the 10th–90th percentiles the interval.
/// It cannot tell a lapsed customer from a slow one; the BTYD models can.
/// </summary>
public static class OwnRhythm
{
    public static IReadOnlyList<NextOrderEstimate> Estimate(IShopStore store, DateTime cutOff)
    {
        ArgumentNullException.ThrowIfNull(store);
        var sql = $"""
            SELECT DISTINCT customer_key, CAST(CAST(ts AS DATE) AS TIMESTAMP) AS day FROM ({Purchases.KeptSql(cutOff)}) AS kept
            ORDER BY customer_key, day
            """;
        var days = new List<(int Key, DateTime Day)>();
        using (var reader = store.Query(sql))
            while (reader.Read()) days.Add((reader.GetInt32(0), reader.GetDateTime(1)));
        var today = cutOff.Date;
        return [.. days.GroupBy(d => d.Key).Select(g => Estimate(g.Key, [.. g.Select(d => d.Day)], today))];
    }

    static NextOrderEstimate Estimate(int key, DateTime[] days, DateTime today)
    {
        if (days.Length < 2) return new NextOrderEstimate(key, "too_few_orders", null, null, null);
        var repeats = days.Length - 1;
        var exposure = (today - days[0]).TotalDays;
        DateTime At(double q) => today.AddDays(exposure * (Math.Pow(1 - q, -1.0 / repeats) - 1));
        return new NextOrderEstimate(key, "expected", At(0.5), At(0.1), At(0.9));
    }
}
