using System.Globalization;
using ShopLens.Core.Store;
using ShopLens.Insight.Features;

namespace ShopLens.Insight.Lifetime;

/// <summary>
/// Each buyer's purchase history as the BTYD models read it, computed inside the store. Purchases are kept orders
/// counted by day, as Fader, Hardie &amp; Lee's CDNOW summaries and lifetimes' <c>summary_data_from_transaction_data</c>
/// count them: several orders on one day are one purchase worth their sum. Over the calibration period (up to and
/// including <see cref="CalibrationEnd"/>): frequency x = purchase days − 1 (repeat purchases), recency t_x = last −
/// first purchase day, age T = calibration end − first purchase day (in <see cref="Unit"/>s), and the mean value of
/// the repeat purchases (NaN without one). Over an optional holdout period (the days after, up to and including
/// <see cref="HoldoutEnd"/>): purchase days and spend. Only customers who first bought before the calibration end day
/// appear: one whose first purchase is on that day has age 0, which the models cannot take (lifetimes drops them too).
/// </summary>
public sealed class PurchaseHistories
{
    public required DateTime CalibrationEnd { get; init; }
    public DateTime? HoldoutEnd { get; init; }
    public required TimeUnit Unit { get; init; }

    public required int[] CustomerKeys { get; init; }
    public required double[] Frequency { get; init; }
    public required double[] Recency { get; init; }
    public required double[] Age { get; init; }

    /// <summary>Mean value of the repeat purchases; NaN for customers with none.</summary>
    public required double[] MeanRepeatValue { get; init; }

    /// <summary>Purchase days in the holdout period; null without one.</summary>
    public double[]? HoldoutPurchases { get; init; }

    /// <summary>Kept revenue in the holdout period; null without one.</summary>
    public double[]? HoldoutSpend { get; init; }

    public int Count => CustomerKeys.Length;

    /// <summary>
    /// Computes the histories as of <paramref name="calibrationEnd"/> (a day, inclusive), with a holdout to
    /// <paramref name="holdoutEnd"/> (inclusive) when given; rows ordered by customer key.
    /// </summary>
    public static PurchaseHistories Load(IShopStore store, DateTime calibrationEnd, DateTime? holdoutEnd = null, TimeUnit unit = TimeUnit.Week)
    {
        ArgumentNullException.ThrowIfNull(store);
        var end = calibrationEnd.Date;
        if (holdoutEnd is { } h && h.Date <= end)
            throw new ArgumentException($"the holdout end {h:yyyy-MM-dd} must come after the calibration end {end:yyyy-MM-dd}");
        var cut = end.AddDays(1);
        var days = unit == TimeUnit.Week ? 7.0 : 1.0;
        var holdout = holdoutEnd is { } last ? Purchases.KeptSpendSql(cut, last.Date.AddDays(1)) : "SELECT NULL AS customer_key, 0 AS purchases, 0 AS spend WHERE FALSE";
        var sql = $"""
            WITH purchase_days AS (
              SELECT customer_key, CAST(ts AS DATE) AS day, sum({Purchases.Money("revenue")}) AS value
              FROM ({Purchases.KeptSql(cut)}) AS kept GROUP BY customer_key, CAST(ts AS DATE)),
            spans AS (
              SELECT customer_key, min(day) AS first_day, max(day) AS last_day, count(*) - 1 AS repeats, sum(value) AS total
              FROM purchase_days GROUP BY customer_key),
            holdout AS ({holdout})
            SELECT s.customer_key, s.repeats, s.last_day - s.first_day AS recency_days,
              {SqlLiteral.Timestamp(end)}::DATE - s.first_day AS age_days,
              CASE WHEN s.repeats > 0 THEN CAST((s.total - f.value) / s.repeats AS DOUBLE PRECISION) END AS mean_repeat,
              coalesce(h.purchases, 0) AS holdout_purchases, CAST(coalesce(h.spend, 0) AS DOUBLE PRECISION) AS holdout_spend
            FROM spans s
            JOIN purchase_days f ON f.customer_key = s.customer_key AND f.day = s.first_day
            LEFT JOIN holdout h ON h.customer_key = s.customer_key
            WHERE s.first_day < {SqlLiteral.Timestamp(end)}::DATE
            ORDER BY s.customer_key
            """;
        var (keys, x, tx, age, mean, hp, hs) = (new List<int>(), new List<double>(), new List<double>(), new List<double>(),
            new List<double>(), new List<double>(), new List<double>());
        using (var reader = store.Query(sql))
            while (reader.Read())
            {
                keys.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
                x.Add(Convert.ToDouble(reader.GetValue(1), CultureInfo.InvariantCulture));
                tx.Add(Convert.ToDouble(reader.GetValue(2), CultureInfo.InvariantCulture) / days);
                age.Add(Convert.ToDouble(reader.GetValue(3), CultureInfo.InvariantCulture) / days);
                mean.Add(reader.IsDBNull(4) ? double.NaN : reader.GetDouble(4));
                hp.Add(Convert.ToDouble(reader.GetValue(5), CultureInfo.InvariantCulture));
                hs.Add(reader.GetDouble(6));
            }
        return new PurchaseHistories
        {
            CalibrationEnd = end,
            HoldoutEnd = holdoutEnd?.Date,
            Unit = unit,
            CustomerKeys = [.. keys],
            Frequency = [.. x],
            Recency = [.. tx],
            Age = [.. age],
            MeanRepeatValue = [.. mean],
            HoldoutPurchases = holdoutEnd is null ? null : [.. hp],
            HoldoutSpend = holdoutEnd is null ? null : [.. hs],
        };
    }
}
