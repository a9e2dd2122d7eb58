namespace ShopLens.Insight.Funnels;

/// <summary>
/// Something customers who entered a funnel did or were (an event type, an attribute value, a category viewed), how
/// many of the converted (<see cref="SuccessCount"/>) and of those who dropped off (<see cref="FailureCount"/>) had
/// it, and the odds ratio of converting with it against without it.
/// </summary>
public sealed record CorrelationSignal(string Name, long SuccessCount, long FailureCount, double OddsRatio)
{
    /// <summary>The pseudo-count added to each cell of the 2×2 table, as PostHog's funnel correlation does.</summary>
    public const int Prior = 1;

    /// <summary>True when the signal goes with converting (odds ratio above 1), false when it goes with dropping off.</summary>
    public bool TowardsConversion => OddsRatio > 1;

    /// <summary>
    /// The odds ratio of converting with the signal against without it, each cell of the 2×2 table smoothed by
    /// <see cref="Prior"/>: ((s + 1)(F − f + 1)) / ((S − s + 1)(f + 1)), with s, f the converted and dropped-off customers
    /// with the signal and S, F all converted and dropped-off customers (PostHog's <c>get_entity_odds_ratio</c>).
    /// </summary>
    public static double Odds(long success, long failure, long successTotal, long failureTotal)
    {
        if (success < 0 || failure < 0 || success > successTotal || failure > failureTotal)
            throw new ArgumentOutOfRangeException(nameof(success), $"counts {success}/{failure} do not fit totals {successTotal}/{failureTotal}");
        return (double)(success + Prior) * (failureTotal - failure + Prior) / ((double)(successTotal - success + Prior) * (failure + Prior));
    }

    /// <summary>
    /// The signal if it is worth reporting, else null. It is not when fewer customers have it than 25 or 2% of everyone
    /// who entered, whichever is smaller (PostHog's <c>are_results_insignificant</c>), nor when the smoothing points the
    /// other way from the counts: with rare conversions the prior alone can lift the odds ratio of a signal no converted
    /// customer had above 1, so a signal is reported towards converting only if those with it converted more often than
    /// those without it, and towards dropping off only if less often.
    /// </summary>
    public static CorrelationSignal? TryCreate(string name, long success, long failure, long successTotal, long failureTotal)
    {
        if (success + failure < Math.Min(25, 0.02 * (successTotal + failureTotal))) return null;
        var signal = new CorrelationSignal(name, success, failure, Odds(success, failure, successTotal, failureTotal));
        // Conversion rate with the signal against without it, compared by cross-multiplying: s/(s+f) vs (S-s)/(S-s+F-f).
        var with = (double)success * (successTotal - success + failureTotal - failure);
        var without = (double)(successTotal - success) * (success + failure);
        return (signal.TowardsConversion ? with > without : with < without) ? signal : null;
    }
}
