namespace ShopLens.Insight.Journeys;

/// <summary>
/// A path many sessions share: event type names in time order with immediate repeats collapsed
/// (<c>view, cart, purchase</c>). <see cref="Truncated"/> says the sessions went on past the kept steps (for paths to a
/// purchase: began before them).
/// </summary>
public sealed record EventPath(IReadOnlyList<string> Steps, bool Truncated, long Sessions)
{
    /// <summary>The path for people: <c>view › cart › purchase</c>, with <c>…</c> where steps were cut.</summary>
    public string Describe(bool toPurchase) =>
        (Truncated && toPurchase ? "… › " : "") + string.Join(" › ", Steps) + (Truncated && !toPurchase ? " › …" : "");
}
