using System.Globalization;
using ShopLens.Core.Store;
using ShopLens.Insight.Features;
using ShopLens.Learning.Btyd;

namespace ShopLens.Insight.Lifetime;

/// <summary>
/// The aggregate tracking curve of Fader, Hardie &amp; Lee (2005, fig. 2): cumulative repeat purchases of the
/// calibration buyers, period by period from the first of them to the end of the holdout, as they happened and as a
/// purchase model expects them — Σᵢ E[X(t − sᵢ)] over each buyer's first purchase sᵢ.
/// </summary>
public sealed record PurchaseTracking(DateTime PeriodEnd, double Actual, double Expected)
{
    /// <summary>
    /// One row per time unit of <paramref name="histories"/> (a week or a day), one ending on the calibration end and
    /// the last on the holdout end; repeat purchases are purchase days after a buyer's first, as in the histories.
    /// </summary>
    public static IReadOnlyList<PurchaseTracking> Compute(IShopStore store, PurchaseHistories histories, IRepeatPurchaseModel model)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(model);
        var holdoutEnd = histories.HoldoutEnd ?? throw new ArgumentException("the histories have no holdout period", nameof(histories));
        if (histories.Count == 0) return [];
        var unitDays = histories.Unit == TimeUnit.Week ? 7 : 1;
        // Ages are whole days before the calibration end, so buyers sharing an age share a first purchase day.
        var buyersByAgeDays = histories.Age.GroupBy(a => (int)Math.Round(a * unitDays)).ToDictionary(g => g.Key, g => g.Count());
        // Periods end on the calibration end and every unit before and after it, back to the first buyer's first
        // purchase and on to the holdout end (the last period may be shorter).
        var first = -(buyersByAgeDays.Keys.Max() / unitDays);
        var last = (int)Math.Ceiling((holdoutEnd - histories.CalibrationEnd).TotalDays / unitDays);

        var repeatsByDay = new SortedDictionary<DateTime, long>();
        using (var reader = store.Query($"""
            WITH purchase_days AS (
              SELECT DISTINCT customer_key, CAST(ts AS DATE) AS day FROM ({Purchases.KeptSql(holdoutEnd.AddDays(1))}) AS kept),
            firsts AS (
              SELECT customer_key, min(day) AS first_day FROM purchase_days GROUP BY customer_key
              HAVING min(day) < {SqlLiteral.Timestamp(histories.CalibrationEnd)}::DATE)
            SELECT d.day, count(*) FROM purchase_days d JOIN firsts f ON f.customer_key = d.customer_key
            WHERE d.day > f.first_day GROUP BY d.day
            """))
        {
            while (reader.Read()) repeatsByDay[reader.GetDateTime(0)] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
        }

        var rows = new List<PurchaseTracking>(last - first + 1);
        double actual = 0;
        using var days = repeatsByDay.GetEnumerator();
        var more = days.MoveNext();
        for (var k = first; k <= last; k++)
        {
            var end = k == last ? holdoutEnd : histories.CalibrationEnd.AddDays(k * unitDays);
            for (; more && days.Current.Key <= end; more = days.MoveNext()) actual += days.Current.Value;
            var expected = 0.0;
            foreach (var (ageDays, buyers) in buyersByAgeDays)
            {
                var since = (end - histories.CalibrationEnd).TotalDays + ageDays;
                if (since > 0) expected += buyers * model.ExpectedPurchases(since / unitDays);
            }
            rows.Add(new PurchaseTracking(end, actual, expected));
        }
        return rows;
    }
}
