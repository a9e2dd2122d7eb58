using ShopLens.Learning.Btyd;

namespace ShopLens.Insight.Lifetime;

/// <summary>
/// Per customer, from a fitted purchase model and (optionally) Gamma-Gamma spend: P(alive), expected orders and the
/// probability of any order over the horizon, expected spend per order, CLV, and the date of the next order.
/// </summary>
public sealed record CustomerValueForecast(int[] CustomerKeys, double[] ProbabilityAlive, double[] ExpectedOrders, double[] ProbabilityOfOrder,
    double[] SpendPerOrder, double[] Clv, IReadOnlyList<NextOrderEstimate> NextOrders)
{
    /// <summary>
    /// Forecasts for <paramref name="histories"/> as of their calibration end. CLV sums, month by month over the
    /// horizon, the expected orders of that month × spend per order × margin, discounted at the annual rate
    /// (Fader, Hardie &amp; Lee 2005's discounted expected transactions, in discrete months). Spend per order is
    /// Gamma-Gamma's conditional expectation when given, else the customer's mean repeat value (the overall mean for
    /// customers without one).
    /// </summary>
    public static CustomerValueForecast Compute(PurchaseHistories histories, IRepeatPurchaseModel model, GammaGammaModel? spend, ClvOptions options)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var unit = histories.Unit == TimeUnit.Week ? 7.0 : 1.0;
        var customers = new CustomerHistories(histories.Frequency, histories.Recency, histories.Age);
        var horizon = options.HorizonDays / unit;
        var alive = model.ProbabilityAlive(customers);
        var orders = model.ConditionalExpectedPurchases(horizon, customers);
        var any = model.ProbabilityOfAtLeastOnePurchase(horizon, customers);
        var perOrder = PerOrderSpend(histories, spend);

        // Month k covers (k − 1, k] months after calibration; its orders are E[Y(k)] − E[Y(k − 1)].
        var months = Math.Max(1, (int)Math.Round(options.HorizonDays / 30.4375));
        var clv = new double[histories.Count];
        var previous = new double[histories.Count];
        for (var k = 1; k <= months; k++)
        {
            var cumulative = model.ConditionalExpectedPurchases(Math.Min(k * 30.4375, options.HorizonDays) / unit, customers);
            var discount = Math.Pow(1 + options.AnnualDiscountRate, -k / 12.0);
            for (var i = 0; i < clv.Length; i++) clv[i] += (cumulative[i] - previous[i]) * perOrder[i] * options.Margin * discount;
            previous = cumulative;
        }
        var next = new NextOrderEstimate[histories.Count];
        for (var i = 0; i < next.Length; i++) next[i] = NextOrder(model, histories, customers, i, alive[i], unit, options.LapsedBelow);
        return new CustomerValueForecast(histories.CustomerKeys, alive, orders, any, perOrder, clv, next);
    }

    static double[] PerOrderSpend(PurchaseHistories histories, GammaGammaModel? spend)
    {
        var known = histories.MeanRepeatValue.Where(double.IsFinite).ToArray();
        var overall = known.Length == 0 ? 0 : known.Average();
        return [.. Enumerable.Range(0, histories.Count).Select(i =>
            spend is not null
                ? histories.Frequency[i] > 0 ? spend.ConditionalExpectedSpend(histories.Frequency[i], histories.MeanRepeatValue[i]) : spend.MeanSpend
                : double.IsFinite(histories.MeanRepeatValue[i]) ? histories.MeanRepeatValue[i] : overall)];
    }

    /// <summary>
    /// The median wait to the next order — where P(an order within t) reaches ½ — and the waits where it reaches
    /// 0.1 and 0.9 (none when P(alive) never lets it); "probably_lapsed" below the P(alive) threshold.
    /// </summary>
    static NextOrderEstimate NextOrder(IRepeatPurchaseModel model, PurchaseHistories histories, CustomerHistories customers, int i,
        double alive, double unit, double lapsedBelow)
    {
        var key = histories.CustomerKeys[i];
        if (alive < lapsedBelow) return new NextOrderEstimate(key, "probably_lapsed", null, null, null);
        var one = new CustomerHistories([customers.Frequency[i]], [customers.Recency[i]], [customers.Age[i]]);
        double Within(double t) => model.ProbabilityOfAtLeastOnePurchase(t, one)[0];
        var start = histories.CalibrationEnd.AddDays(1);
        DateTime? At(double p) => Wait(Within, p, 3652 / unit) is { } t ? start.AddDays(t * unit).Date : null;
        var median = At(0.5);
        return median is null ? new NextOrderEstimate(key, "probably_lapsed", null, null, null)
            : new NextOrderEstimate(key, "expected", median, At(0.1), At(0.9));
    }

    /// <summary>The wait t (in model units, up to <paramref name="longest"/>) where <paramref name="within"/>(t) = p, by bisection; null if never reached.</summary>
    static double? Wait(Func<double, double> within, double p, double longest)
    {
        double low = 0, high = longest;
        if (within(high) < p) return null;
        for (var step = 0; step < 60; step++)
        {
            var mid = (low + high) / 2;
            if (within(mid) < p) low = mid;
            else high = mid;
        }
        return high;
    }
}
