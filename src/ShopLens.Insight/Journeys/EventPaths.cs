using System.Globalization;
using ShopLens.Core.Model;
using ShopLens.Core.Store;
using ShopLens.Insight.Features;

namespace ShopLens.Insight.Journeys;

/// <summary>
/// The most common event paths, as SQL inside the store, in the manner of PostHog's paths: events cut into sessions
/// (the session id where there is one; otherwise a new session after more than <see cref="PathOptions.SessionGapMinutes"/>
/// without events), each session's event types in time order with immediate repeats collapsed (view, view, cart → view,
/// cart), then truncated to <see cref="PathOptions.Steps"/> steps. Events at the same moment are ordered by type code,
/// then product, so the result does not depend on the order rows arrived in.
/// </summary>
public static class EventPaths
{
    /// <summary>
    /// The query: the top paths of both kinds — <c>kind</c> (<c>all</c> or <c>purchase</c>), <c>path</c> (names joined
    /// by <c>&gt;</c>), <c>truncated</c>, <c>sessions</c>, and <c>total</c> (sessions of that kind).
    /// </summary>
    public static string Sql(PathOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var n = options.Steps;
        // Two sorts of the events: one finds each event's predecessor (session breaks, repeats to collapse), the other
        // numbers the kept steps; a session's first step and first purchase, then its paths, come from plain aggregates.
        return $"""
            WITH e AS (
              SELECT customer_key, session_id, type, ts, product_key,
                lag(ts) OVER w AS previous_ts, lag(type) OVER w AS previous_type
              FROM events WHERE {CutOff.Before(options.AsOf, "ts")}
              WINDOW w AS (PARTITION BY customer_key, session_id ORDER BY ts, type, product_key NULLS LAST)),
            o AS (
              SELECT customer_key, coalesce(session_id, '') AS session_key, type, ts, product_key, previous_type,
                CASE WHEN session_id IS NULL AND (previous_ts IS NULL OR ts - previous_ts > INTERVAL '{options.SessionGapMinutes} minutes')
                  THEN 1 ELSE 0 END AS opens
              FROM e),
            steps AS MATERIALIZED (
              SELECT customer_key, session_key, type, sum(opens) OVER w AS gap_session, row_number() OVER w AS n
              FROM o WHERE opens = 1 OR previous_type IS NULL OR previous_type <> type
              WINDOW w AS (PARTITION BY customer_key, session_key ORDER BY ts, type, product_key NULLS LAST ROWS UNBOUNDED PRECEDING)),
            sessions AS (
              SELECT customer_key, session_key, gap_session, min(n) AS first_n, max(n) AS last_n,
                min(n) FILTER (WHERE type = {(int)EventType.Purchase}) AS purchase_n
              FROM steps GROUP BY customer_key, session_key, gap_session),
            session_paths AS (
              SELECT {Steps("x.first_n + {0}", n)} AS path,
                max(x.last_n - x.first_n) >= {n} AS truncated,
                {Steps("x.purchase_n - {0}", n, backwards: true)} AS purchase_path,
                max(x.purchase_n - x.first_n) >= {n} AS purchase_truncated,
                max(x.purchase_n) IS NOT NULL AS purchased
              FROM steps s
              JOIN sessions x ON x.customer_key = s.customer_key AND x.session_key = s.session_key AND x.gap_session = s.gap_session
              JOIN event_types t ON t.type = s.type
              WHERE s.n < x.first_n + {n} OR (s.n <= x.purchase_n AND s.n > x.purchase_n - {n})
              GROUP BY s.customer_key, s.session_key, s.gap_session),
            paths AS (
              SELECT 'all' AS kind, path, truncated FROM session_paths
              UNION ALL
              SELECT 'purchase', purchase_path, purchase_truncated FROM session_paths WHERE purchased),
            counted AS (
              SELECT kind, path, truncated, count(*) AS sessions,
                CAST(sum(count(*)) OVER (PARTITION BY kind) AS BIGINT) AS total,
                row_number() OVER (PARTITION BY kind ORDER BY count(*) DESC, path, truncated) AS rank
              FROM paths GROUP BY kind, path, truncated)
            SELECT kind, path, truncated, sessions, total FROM counted
            WHERE rank <= {options.Top}
            ORDER BY kind, rank
            """;
    }

    // A session's path as one column per step (no ordered aggregate, which would sort every session's rows): the names
    // at step numbers position(0), position(1), … joined by '>'; concat_ws skips the steps a session does not have.
    static string Steps(string position, int steps, bool backwards = false)
    {
        var names = Enumerable.Range(0, steps).Select(i => $"max(CASE WHEN s.n = {string.Format(CultureInfo.InvariantCulture, position, i)} THEN t.name END)");
        return $"concat_ws('>', {string.Join(", ", backwards ? names.Reverse() : names)})";
    }

    /// <summary>Computes the report; no events before the cut-off gives no sessions and no paths.</summary>
    public static PathReport Compute(IShopStore store, PathOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        var all = new List<EventPath>();
        var toPurchase = new List<EventPath>();
        long sessions = 0, purchaseSessions = 0;
        using (var r = store.Query(Sql(options)))
        {
            while (r.Read())
            {
                var path = new EventPath(r.GetString(1).Split('>'), r.GetBoolean(2), Convert.ToInt64(r.GetValue(3), CultureInfo.InvariantCulture));
                var total = Convert.ToInt64(r.GetValue(4), CultureInfo.InvariantCulture);
                if (r.GetString(0) == "all")
                {
                    all.Add(path);
                    sessions = total;
                }
                else
                {
                    toPurchase.Add(path);
                    purchaseSessions = total;
                }
            }
        }
        return new PathReport { Options = options, Sessions = sessions, Top = all, PurchaseSessions = purchaseSessions, ToPurchase = toPurchase };
    }
}
