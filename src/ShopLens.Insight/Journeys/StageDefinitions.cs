namespace ShopLens.Insight.Journeys;

/// <summary>
/// The thresholds behind the <see cref="LifecycleStage"/>s, in days before the as-of date or in counts. The rules, tried
/// in this order (the first that holds wins; docs/journeys.md):
/// churned — no event or order for more than <see cref="ChurnDays"/>;
/// at_risk — a buyer whose last kept order is more than <see cref="AtRiskDays"/> old;
/// loyal — at least <see cref="LoyalMinOrders"/> kept orders;
/// repeat_buyer — two or more; first_time_buyer — one;
/// cart_abandoner — no kept order, a cart event within <see cref="ActiveWindowDays"/>;
/// browsing — no kept order, at least <see cref="BrowsingMinEvents"/> events within <see cref="ActiveWindowDays"/>;
/// visitor — everyone else who has been seen.
/// A JSON file with any of the keys in <see cref="Keys"/> overrides them (<see cref="StageDefinitionsFile"/>).
/// </summary>
public sealed record StageDefinitions
{
    /// <summary>What counts as recent for cart_abandoner and browsing, in days (default 30).</summary>
    public int ActiveWindowDays { get; init; } = 30;

    /// <summary>A buyer with no kept order for more than this many days is at_risk (default 60).</summary>
    public int AtRiskDays { get; init; } = 60;

    /// <summary>Anyone with no event or order for more than this many days is churned (default 90).</summary>
    public int ChurnDays { get; init; } = 90;

    /// <summary>Kept orders that make a recent buyer loyal (default 4).</summary>
    public int LoyalMinOrders { get; init; } = 4;

    /// <summary>Events within the active window that make a non-buyer browsing rather than a visitor (default 3).</summary>
    public int BrowsingMinEvents { get; init; } = 3;

    /// <summary>The JSON keys, in the order the thresholds are documented.</summary>
    public static readonly IReadOnlyList<string> Keys =
        ["active_window_days", "at_risk_days", "churn_days", "loyal_min_orders", "browsing_min_events"];

    /// <summary>The value under a JSON key.</summary>
    public int this[string key] => key switch
    {
        "active_window_days" => ActiveWindowDays,
        "at_risk_days" => AtRiskDays,
        "churn_days" => ChurnDays,
        "loyal_min_orders" => LoyalMinOrders,
        "browsing_min_events" => BrowsingMinEvents,
        _ => throw new ArgumentException($"unknown stage definition key '{key}' (known: {string.Join(", ", Keys)})", nameof(key)),
    };

    /// <summary>A copy with the value under a JSON key replaced.</summary>
    public StageDefinitions With(string key, int value) => key switch
    {
        "active_window_days" => this with { ActiveWindowDays = value },
        "at_risk_days" => this with { AtRiskDays = value },
        "churn_days" => this with { ChurnDays = value },
        "loyal_min_orders" => this with { LoyalMinOrders = value },
        "browsing_min_events" => this with { BrowsingMinEvents = value },
        _ => throw new ArgumentException($"unknown stage definition key '{key}' (known: {string.Join(", ", Keys)})", nameof(key)),
    };

    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming the key when a threshold makes no sense: every value at least 1,
    /// <c>active_window_days ≤ at_risk_days &lt; churn_days</c> (so a customer first seen within the active window can be
    /// neither at risk nor churned), and <c>loyal_min_orders ≥ 2</c>.
    /// </summary>
    public void Validate()
    {
        foreach (var key in Keys)
            if (this[key] < 1) throw new ArgumentException($"'{key}' must be at least 1, not {this[key]}");
        if (LoyalMinOrders < 2) throw new ArgumentException($"'loyal_min_orders' must be at least 2 (one order is a first-time buyer), not {LoyalMinOrders}");
        if (AtRiskDays < ActiveWindowDays)
            throw new ArgumentException($"'at_risk_days' ({AtRiskDays}) must be at least 'active_window_days' ({ActiveWindowDays})");
        if (ChurnDays <= AtRiskDays) throw new ArgumentException($"'churn_days' ({ChurnDays}) must be more than 'at_risk_days' ({AtRiskDays})");
    }
}
