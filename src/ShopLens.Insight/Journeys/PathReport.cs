namespace ShopLens.Insight.Journeys;

/// <summary>The most common event paths of <see cref="EventPaths.Compute"/>: over all sessions, and over those that led to a purchase.</summary>
public sealed record PathReport
{
    public required PathOptions Options { get; init; }

    /// <summary>Sessions counted.</summary>
    public required long Sessions { get; init; }

    /// <summary>The most common session paths (their first steps), most sessions first.</summary>
    public required IReadOnlyList<EventPath> Top { get; init; }

    /// <summary>Sessions with a purchase event.</summary>
    public required long PurchaseSessions { get; init; }

    /// <summary>The most common paths to a session's first purchase (its last steps, the purchase included), most sessions first.</summary>
    public required IReadOnlyList<EventPath> ToPurchase { get; init; }
}
