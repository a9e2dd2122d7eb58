using ShopLens.Insight.Funnels;

namespace ShopLens.Server.Contracts;

/// <summary>A computed funnel as JSON, the same for <c>shoplens funnel --json</c> and <c>GET /v1/funnels</c>.</summary>
public static class FunnelJson
{
    public static object Of(FunnelResult result, string? outFile = null) => new
    {
        funnel = result.Funnel.StepNames,
        window = ConversionWindow.Format(result.Funnel.Window),
        window_s = (long)result.Funnel.Window.TotalSeconds,
        from = result.Funnel.From,
        as_of = result.Funnel.AsOf,
        entered = result.Entered,
        converted = result.Converted,
        conversion = Round(result.Conversion, 6),
        median_time_to_convert_s = Round(result.MedianTimeToConvertSeconds, 3),
        steps = result.Steps.Select(StepJson),
        breakdown = result.Funnel.By == FunnelBreakdown.None ? null : new
        {
            by = result.Funnel.By.ToString().ToLowerInvariant(),
            segment_method = result.Funnel.By == FunnelBreakdown.Segment ? result.Funnel.SegmentMethod : null,
            groups = result.Breakdown.Select(g => new
            {
                value = g.Value,
                entered = g.Entered,
                converted = g.Converted,
                conversion = Round(g.Conversion, 6),
                median_time_to_convert_s = Round(g.MedianTimeToConvertSeconds, 3),
                steps = g.Steps.Select(StepJson),
            }),
        },
        correlations = result.Correlations is not { } c ? null : new
        {
            converted = c.Converted,
            dropped_off = c.DroppedOff,
            skewed = c.Skewed,
            event_types = c.EventTypes.Select(SignalJson),
            attributes = c.Attributes.Select(SignalJson),
            categories = c.Categories.Select(SignalJson),
        },
        out_file = outFile,
    };

    static object StepJson(FunnelStep s) => new
    {
        step = s.Step,
        name = s.Name,
        customers = s.Customers,
        conversion = Round(s.Conversion, 6),
        conversion_from_start = Round(s.ConversionFromStart, 6),
        drop_off = s.DropOff,
        drop_off_rate = Round(s.DropOffRate, 6),
        median_time_to_step_s = Round(s.MedianTimeToStepSeconds, 3),
        mean_time_to_step_s = Round(s.MeanTimeToStepSeconds, 3),
    };

    static object SignalJson(CorrelationSignal s) => new
    {
        name = s.Name,
        success_count = s.SuccessCount,
        failure_count = s.FailureCount,
        odds_ratio = Math.Round(s.OddsRatio, 4),
        correlation_type = s.TowardsConversion ? "success" : "failure",
    };

    static double? Round(double? value, int digits) => value is null ? null : Math.Round(value.Value, digits);
}
