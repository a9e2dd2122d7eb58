using System.Globalization;
using ShopLens.Core.Model;
using ShopLens.Core.Store;

namespace ShopLens.Insight.Funnels;

/// <summary>
/// Which event types, customer attributes and categories viewed go with converting and which with dropping off, as
/// PostHog's funnel correlation measures it: everyone who entered is a success (did every step) or a failure, and each
/// signal gets the smoothed odds ratio of <see cref="CorrelationSignal.Odds"/>. Events count when they fall in the
/// customer's attempt: from its first step to its last step for the converted, to the end of the window for the rest.
/// </summary>
public static class FunnelCorrelation
{
    /// <summary>Attributes of <c>customers</c> that are correlated, as <c>attribute=value</c> signals.</summary>
    public static readonly IReadOnlyList<string> Attributes = ["region", "channel", "age_band"];

    /// <summary>Correlates the attempts in <paramref name="attemptsTable"/> (the columns of <see cref="FunnelAttempts"/>).</summary>
    public static FunnelCorrelations Compute(IShopStore store, FunnelDefinition funnel, string attemptsTable)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(funnel);
        var n = funnel.Steps.Count;
        var window = $"INTERVAL '{((long)funnel.Window.TotalSeconds).ToString(CultureInfo.InvariantCulture)} seconds'";
        var attempts = $"""
            WITH a AS (
              SELECT customer_key, reach = {n} AS converted, t1,
                CASE WHEN reach = {n} THEN t{n} ELSE t1 + {window} END AS span_end
              FROM {attemptsTable})
            """;
        long successTotal = 0, failureTotal = 0;
        using (var r = store.Query($"{attempts} SELECT count(*) FILTER (WHERE converted), count(*) FILTER (WHERE NOT converted) FROM a"))
        {
            r.Read();
            successTotal = r.GetInt64(0);
            failureTotal = r.GetInt64(1);
        }
        var skewed = successTotal == 0 || failureTotal == 0 || successTotal > 10 * failureTotal || failureTotal > 10 * successTotal;
        if (successTotal == 0 || failureTotal == 0 || funnel.CorrelationTop == 0)
            return new FunnelCorrelations(successTotal, failureTotal, skewed, [], [], []);

        var inSpan = $"e.customer_key = a.customer_key AND e.ts >= a.t1 AND e.ts <= a.span_end AND {FunnelAttempts.Range(funnel, "e.ts")}";
        var eventTypes = Signals(store, $"""
            {attempts}
            SELECT CAST(e.type AS INTEGER), count(DISTINCT a.customer_key) FILTER (WHERE a.converted), count(DISTINCT a.customer_key) FILTER (WHERE NOT a.converted)
            FROM a JOIN events e ON {inSpan}
            WHERE e.type NOT IN ({FunnelAttempts.StepTypeList(funnel)})
            GROUP BY e.type
            """, key => EventTypes.Name((EventType)Convert.ToInt32(key, CultureInfo.InvariantCulture)));
        var attributes = Signals(store, attempts + "\n" + string.Join("\nUNION ALL\n", Attributes.Select(attribute => $"""
            SELECT '{attribute}=' || c.{attribute}, count(*) FILTER (WHERE a.converted), count(*) FILTER (WHERE NOT a.converted)
            FROM a JOIN customers c ON c.customer_key = a.customer_key
            WHERE c.{attribute} IS NOT NULL AND c.{attribute} <> ''
            GROUP BY c.{attribute}
            """)), key => (string)key);
        // Categories viewed need products with categories; a store without any skips the join over every view.
        IReadOnlyList<CorrelationSignal> categories = store.Scalar<long>("SELECT count(*) FROM products WHERE category IS NOT NULL AND category <> ''") == 0 ? [] :
            Signals(store, $"""
                {attempts}
                SELECT category, count(*) FILTER (WHERE converted), count(*) FILTER (WHERE NOT converted)
                FROM (
                  SELECT DISTINCT a.customer_key, a.converted, trim(split_part(p.category, '>', 1)) AS category
                  FROM a JOIN events e ON {inSpan}
                  JOIN products p ON p.product_key = e.product_key
                  WHERE e.type = {(int)EventType.View}) AS viewed
                WHERE category <> ''
                GROUP BY category
                """, key => (string)key);
        return new FunnelCorrelations(successTotal, failureTotal, skewed, eventTypes, attributes, categories);

        IReadOnlyList<CorrelationSignal> Signals(IShopStore s, string sql, Func<object, string> name)
        {
            var all = new List<CorrelationSignal>();
            using var r = s.Query(sql);
            while (r.Read())
            {
                var (success, failure) = (Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture), Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture));
                if (CorrelationSignal.TryCreate(name(r.GetValue(0)), success, failure, successTotal, failureTotal) is { } signal) all.Add(signal);
            }
            return Top(all, funnel.CorrelationTop);
        }
    }

    /// <summary>The <paramref name="top"/> strongest signals towards converting (highest odds first), then towards dropping off (lowest first).</summary>
    static IReadOnlyList<CorrelationSignal> Top(List<CorrelationSignal> signals, int top) =>
    [
        .. signals.Where(s => s.TowardsConversion).OrderByDescending(s => s.OddsRatio).ThenBy(s => s.Name, StringComparer.Ordinal).Take(top),
        .. signals.Where(s => !s.TowardsConversion).OrderBy(s => s.OddsRatio).ThenBy(s => s.Name, StringComparer.Ordinal).Take(top),
    ];
}

/// <summary>
/// The correlation of a funnel: how many converted and dropped off, whether those two are more than 10:1 apart
/// (<see cref="Skewed"/>, when odds ratios say little), and the strongest signals of each kind, towards converting first.
/// </summary>
public sealed record FunnelCorrelations(
    long Converted,
    long DroppedOff,
    bool Skewed,
    IReadOnlyList<CorrelationSignal> EventTypes,
    IReadOnlyList<CorrelationSignal> Attributes,
    IReadOnlyList<CorrelationSignal> Categories);
