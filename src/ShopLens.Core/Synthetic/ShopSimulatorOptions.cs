namespace ShopLens.Core.Synthetic;

/// <summary>
/// How big a synthetic shop <see cref="ShopSimulator"/> builds and over which period.
/// Event volume grows with customers × days: the defaults give about 730 thousand events;
/// <c>Customers = 7000</c> gives about one million (about 0.5 s on two cores).
/// </summary>
public sealed record ShopSimulatorOptions
{
    /// <summary>The first day a simulation may start on; earlier periods make no sense for an online shop.</summary>
    public static readonly DateTime EarliestStart = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The default end of the simulated period, fixed so that output never depends on the clock.</summary>
    public static readonly DateTime DefaultEnd = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Number of customers, 1 to 10 million (default 5000).</summary>
    public int Customers { get; init; } = 5000;

    /// <summary>Number of products, at least one per category (12) and at most 1 million (default 500).</summary>
    public int Products { get; init; } = 500;

    /// <summary>Length of the simulated period in days, 1 to 3650 (default 180).</summary>
    public int Days { get; init; } = 180;

    /// <summary>Every random choice follows it: same options ⇒ byte-identical files (default 1).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>End of the simulated period, a UTC time (default 2026-01-01T00:00:00Z); the period is the <see cref="Days"/> before it, and nothing happens at or after it.</summary>
    public DateTime End { get; init; } = DefaultEnd;
}
