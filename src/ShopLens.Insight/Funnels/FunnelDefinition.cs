using ShopLens.Core.Model;

namespace ShopLens.Insight.Funnels;

/// <summary>
/// A funnel: ordered steps (event types), a conversion window, the events' time range, and optionally a breakdown and
/// the number of correlation signals to report. docs/funnels.md gives the exact semantics.
/// </summary>
public sealed record FunnelDefinition
{
    /// <summary>The most steps a funnel may have.</summary>
    public const int MaxSteps = 8;

    /// <summary>The steps in order, at least two; a type may appear more than once (its later step must then come strictly later).</summary>
    public required IReadOnlyList<EventType> Steps { get; init; }

    /// <summary>Every step must happen within this time of the first step (default a day).</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Only events at or after this moment (UTC) count; default: from the first event.</summary>
    public DateTime? From { get; init; }

    /// <summary>The cut-off (UTC): only events strictly before it count; default: every event.</summary>
    public DateTime? AsOf { get; init; }

    /// <summary>The split of the funnel (default none).</summary>
    public FunnelBreakdown By { get; init; } = FunnelBreakdown.None;

    /// <summary>The segmentation method whose saved segments <see cref="FunnelBreakdown.Segment"/> reads (default <c>rfm</c>).</summary>
    public string SegmentMethod { get; init; } = "rfm";

    /// <summary>The breakdown keeps this many values with the most customers; the rest are counted together as <c>(other)</c>.</summary>
    public int BreakdownLimit { get; init; } = 25;

    /// <summary>Correlation signals reported each way (towards converting, towards dropping off) per kind; 0 skips correlation.</summary>
    public int CorrelationTop { get; init; } = 10;

    /// <summary>Step names as the CLI and JSON show them (<c>view</c>, <c>cart</c>, …).</summary>
    public IReadOnlyList<string> StepNames => [.. Steps.Select(EventTypes.Name)];

    /// <summary>Parses a comma-separated list of event type names (<c>view,cart,purchase</c>), naming any bad value.</summary>
    public static IReadOnlyList<EventType> ParseSteps(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var steps = new List<EventType>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!EventTypes.TryParse(part, out var type))
                throw new ArgumentException($"step '{part}' is not an event type (one of {string.Join(", ", EventTypes.All.Select(EventTypes.Name))})");
            steps.Add(type);
        }
        Check(steps);
        return steps;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first thing wrong with this definition.</summary>
    public void Validate()
    {
        Check(Steps);
        if (Window <= TimeSpan.Zero || Window.Ticks % TimeSpan.TicksPerSecond != 0)
            throw new ArgumentException($"the conversion window must be a positive whole number of seconds, not {Window}");
        if (From is not null && AsOf is not null && From >= AsOf)
            throw new ArgumentException($"--from {From:yyyy-MM-dd HH:mm:ss} is not before --as-of {AsOf:yyyy-MM-dd HH:mm:ss}");
        if (By == FunnelBreakdown.Segment && string.IsNullOrWhiteSpace(SegmentMethod))
            throw new ArgumentException("a segment breakdown needs a segmentation method");
        if (BreakdownLimit < 1) throw new ArgumentException($"the breakdown limit must be at least 1, not {BreakdownLimit}");
        if (CorrelationTop < 0) throw new ArgumentException($"the number of correlation signals cannot be negative ({CorrelationTop})");
    }

    static void Check(IReadOnlyList<EventType> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count < 2) throw new ArgumentException($"a funnel needs at least two steps, not {steps.Count}");
        if (steps.Count > MaxSteps) throw new ArgumentException($"a funnel has at most {MaxSteps} steps, not {steps.Count}");
        foreach (var s in steps)
            if (!Enum.IsDefined(s)) throw new ArgumentException($"step {(int)s} is not an event type");
    }
}
