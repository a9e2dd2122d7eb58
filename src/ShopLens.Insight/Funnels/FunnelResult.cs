namespace ShopLens.Insight.Funnels;

/// <summary>A computed funnel: per step counts, conversion and timing, the breakdown, and the correlation signals.</summary>
public sealed record FunnelResult(
    FunnelDefinition Funnel,
    IReadOnlyList<FunnelStep> Steps,
    double? MedianTimeToConvertSeconds,
    IReadOnlyList<FunnelBreakdownGroup> Breakdown,
    FunnelCorrelations? Correlations)
{
    /// <summary>Customers who did the first step.</summary>
    public long Entered => Steps[0].Customers;

    /// <summary>Customers who did every step.</summary>
    public long Converted => Steps[^1].Customers;

    /// <summary>Converted over entered; null when nobody entered.</summary>
    public double? Conversion => Steps[^1].ConversionFromStart;
}

/// <summary>
/// One step of a computed funnel. Conversion is from the previous step, drop-off counts those who did the previous step
/// but not this one, and the times run from the previous step to this one in each customer's attempt (null for the
/// first step, or when nobody got here). Rates are null when their denominator is zero.
/// </summary>
public sealed record FunnelStep(
    int Step,
    string Name,
    long Customers,
    double? Conversion,
    double? ConversionFromStart,
    long DropOff,
    double? DropOffRate,
    double? MedianTimeToStepSeconds,
    double? MeanTimeToStepSeconds);

/// <summary>The funnel of the customers with one breakdown value.</summary>
public sealed record FunnelBreakdownGroup(string Value, IReadOnlyList<FunnelStep> Steps, double? MedianTimeToConvertSeconds)
{
    public long Entered => Steps[0].Customers;
    public long Converted => Steps[^1].Customers;
    public double? Conversion => Steps[^1].ConversionFromStart;
}
