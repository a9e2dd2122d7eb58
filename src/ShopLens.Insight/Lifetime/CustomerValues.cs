namespace ShopLens.Insight.Lifetime;

/// <summary>
/// One value model's forecast per customer over the horizon after the calibration end: expected spend and CLV from
/// every model; P(alive), expected orders, spend per order and the next order from the BTYD models; the chance of
/// any order from the BTYD models and ZILN; an 80% spend interval from ZILN. Columns a model does not give are null.
/// </summary>
public sealed record CustomerValues(string Model, int[] CustomerKeys, double[] ExpectedSpend, double[] Clv)
{
    public double[]? ProbabilityAlive { get; init; }
    public double[]? ExpectedOrders { get; init; }
    public double[]? ProbabilityOfOrder { get; init; }
    public double[]? SpendPerOrder { get; init; }
    public double[]? SpendLow { get; init; }
    public double[]? SpendHigh { get; init; }
    public IReadOnlyList<NextOrderEstimate>? NextOrders { get; init; }

    public int Count => CustomerKeys.Length;

    /// <summary>A BTYD forecast: expected spend is expected orders × spend per order (undiscounted, before margin).</summary>
    public static CustomerValues From(string model, CustomerValueForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        return new CustomerValues(model, forecast.CustomerKeys, [.. forecast.ExpectedOrders.Zip(forecast.SpendPerOrder, (o, s) => o * s)], forecast.Clv)
        {
            ProbabilityAlive = forecast.ProbabilityAlive,
            ExpectedOrders = forecast.ExpectedOrders,
            ProbabilityOfOrder = forecast.ProbabilityOfOrder,
            SpendPerOrder = forecast.SpendPerOrder,
            NextOrders = forecast.NextOrders,
        };
    }

    /// <summary>
    /// A learned spend forecast. It predicts one total for the horizon, not its months, so CLV discounts it as if it
    /// were all spent at the horizon's middle: spend × margin × (1 + rate)^−(H/2 in years).
    /// </summary>
    public static CustomerValues From(ValuePrediction prediction, ClvOptions options)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(options);
        var discount = options.Margin * Math.Pow(1 + options.AnnualDiscountRate, -options.HorizonDays / 2.0 / 365.25);
        return new CustomerValues(prediction.Model, prediction.CustomerKeys, prediction.Spend, [.. prediction.Spend.Select(s => s * discount)])
        {
            ProbabilityOfOrder = prediction.ProbabilityOfOrder,
            SpendLow = prediction.Low,
            SpendHigh = prediction.High,
        };
    }
}
