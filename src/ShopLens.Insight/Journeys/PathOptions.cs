namespace ShopLens.Insight.Journeys;

/// <summary>How <see cref="EventPaths"/> cuts events into sessions and which paths it reports.</summary>
public sealed record PathOptions
{
    /// <summary>The cut-off (UTC): only events strictly before it; default every event.</summary>
    public DateTime? AsOf { get; init; }

    /// <summary>The most <see cref="Steps"/> a path may keep.</summary>
    public const int MaxSteps = 50;

    /// <summary>Steps kept of each path (default 5, at most <see cref="MaxSteps"/>): the first ones of a session, or the last ones before a purchase.</summary>
    public int Steps { get; init; } = 5;

    /// <summary>How many of the most common paths to report (default 10).</summary>
    public int Top { get; init; } = 10;

    /// <summary>For events without a session id, a gap longer than this many minutes starts a new session (default 30).</summary>
    public int SessionGapMinutes { get; init; } = 30;

    /// <summary>Throws <see cref="ArgumentException"/> when a setting is below 1.</summary>
    public void Validate()
    {
        if (Steps is < 1 or > MaxSteps) throw new ArgumentException($"path steps must be from 1 to {MaxSteps}, not {Steps}");
        if (Top < 1) throw new ArgumentException($"the number of paths must be at least 1, not {Top}");
        if (SessionGapMinutes < 1) throw new ArgumentException($"the session gap must be at least 1 minute, not {SessionGapMinutes}");
    }
}
