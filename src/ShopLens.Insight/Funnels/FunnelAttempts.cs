using System.Globalization;
using System.Text;
using ShopLens.Core.Store;
using ShopLens.Insight.Features;

namespace ShopLens.Insight.Funnels;

/// <summary>
/// Each customer's attempt at a funnel, computed inside the store in the SQL dialect DuckDB and PostgreSQL share: one
/// row per customer with a first-step event in range — <c>customer_key</c>, <c>reach</c> (steps done, 1..n) and
/// <c>t1</c>..<c>tn</c> (when each step happened; NULL past the reach). An attempt starts at a first-step event; each
/// later step is the customer's earliest event of that type at or after the previous step (strictly after when the type
/// already came up in the funnel) and within the window of the start; a customer's attempt is the earliest start that
/// gets furthest. docs/funnels.md gives the rules and examples.
/// </summary>
/// <remarks>
/// No step needs window functions over the first step's events, which are usually views and most of the table. Later
/// steps are reached greedily, so the chain after a start depends only on the first second-step event at or after it
/// (its anchor), and later anchors have later chains. The first statement keeps, per anchor, its chain and the time
/// after which starts lead to it (the anchor before it, or a window back). The second joins every start to its one
/// anchor and keeps, per customer and reach, the earliest start within the window of the step its chain reaches: since
/// chains grow with their anchor, the minima over anchors all belong to the earliest one. Joins are hash joins on one
/// BIGINT key, customer and time bucket one window wide (a start lies in its anchor's bucket or the one before).
/// </remarks>
public static class FunnelAttempts
{
    /// <summary>Creates the temporary table <paramref name="table"/> of attempts (replacing one of that name).</summary>
    public static void Create(IShopStore store, FunnelDefinition funnel, string table)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(funnel);
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        funnel.Validate();
        var chains = table + "_chains";
        store.Execute($"DROP TABLE IF EXISTS {table}");
        store.Execute($"DROP TABLE IF EXISTS {chains}");
        try
        {
            // Two statements: the chains table's true size lets the planner build the big join's hash table on it
            // rather than on the first step's events.
            store.Execute($"CREATE TEMP TABLE {chains} AS {new Query(funnel).Chains()}");
            store.Execute($"CREATE TEMP TABLE {table} AS {new Query(funnel).Attempts(chains)}");
        }
        finally
        {
            store.Execute($"DROP TABLE IF EXISTS {chains}");
        }
    }

    /// <summary>The funnel's time range as a condition on <paramref name="column"/>: at or after From, strictly before AsOf.</summary>
    internal static string Range(FunnelDefinition funnel, string column) => (funnel.AsOf, funnel.From) switch
    {
        (null, null) => "TRUE",
        (_, null) => CutOff.Before(funnel.AsOf, column),
        (null, { } from) => $"{column} >= {SqlLiteral.Timestamp(from)}",
        (_, { } from) => $"{CutOff.Before(funnel.AsOf, column)} AND {column} >= {SqlLiteral.Timestamp(from)}",
    };

    /// <summary>A SQL list of the funnel's distinct step type codes (<c>1, 5, 7</c>).</summary>
    internal static string StepTypeList(FunnelDefinition funnel) =>
        string.Join(", ", funnel.Steps.Distinct().Select(t => ((int)t).ToString(CultureInfo.InvariantCulture)));

    sealed class Query(FunnelDefinition funnel)
    {
        readonly int _n = funnel.Steps.Count;
        readonly string _seconds = ((long)funnel.Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);

        string Window => $"INTERVAL '{_seconds} seconds'";

        // The customer in the high 32 bits, the time bucket (seconds since 1970 over the window, below 2^32 until 2106)
        // in the low ones: one key column hashes faster than two.
        string Key(string customer, string ts) => $"CAST({customer} AS BIGINT) * 4294967296 + {Bucket(ts)}";

        string Bucket(string ts) => $"CAST(floor(extract(epoch FROM {ts}) / {_seconds}) AS BIGINT)";

        // Step k (1-based) comes strictly after step k-1 when its type came up among steps 1..k-1, so that one event
        // never fills two steps.
        bool Strict(int k) => funnel.Steps.Take(k - 1).Contains(funnel.Steps[k - 1]);

        string Step(int k) =>
            $"SELECT customer_key, ts, {Key("customer_key", "ts")} AS k FROM events WHERE type = {(int)funnel.Steps[k - 1]}"
            + (funnel.AsOf is null && funnel.From is null ? "" : $" AND {Range(funnel, "ts")}");

        /// <summary>Per distinct step-2 time: <c>t2</c>..<c>tn</c> (its greedy chain) and <c>lo</c>, the bound of the starts that lead to it.</summary>
        public string Chains()
        {
            var sql = new StringBuilder("WITH\n");
            for (var k = 2; k <= _n; k++) sql.Append(CultureInfo.InvariantCulture, $"step{k} AS ({Step(k)}),\n");
            // For step k >= 3: the first step-k event at or after each step-(k-1) time, within a window of it (the start
            // came no later than that time, so nothing later is in its window).
            for (var k = 3; k <= _n; k++)
                sql.Append(CultureInfo.InvariantCulture, $"""
                    next{k} AS (
                      SELECT x.customer_key, x.ts, min(y.ts) AS t
                      FROM (SELECT s.customer_key, s.ts, s.k + d.d AS jk FROM step{k - 1} s CROSS JOIN (VALUES (0), (1)) AS d(d)) x
                      JOIN step{k} y ON y.k = x.jk AND y.ts {(Strict(k) ? ">" : ">=")} x.ts AND y.ts <= x.ts + {Window}
                      GROUP BY x.customer_key, x.ts),

                    """);
            // Starts after the previous anchor (at or after it, when strict) and at most a window before lead here; the
            // microsecond turns "at or after a window back" into the same exclusive bound.
            var back = Strict(2) ? $"a.ts - {Window}" : $"a.ts - {Window} - INTERVAL '1 microsecond'";
            sql.Append(CultureInfo.InvariantCulture, $"""
                anchors AS (
                  SELECT customer_key, ts, lag(ts) OVER (PARTITION BY customer_key ORDER BY ts) AS previous
                  FROM (SELECT DISTINCT customer_key, ts FROM step2) AS distinct_times)
                SELECT a.customer_key, a.ts AS t2{string.Concat(Enumerable.Range(3, _n - 2).Select(k => $", n{k}.t AS t{k}"))},
                  CASE WHEN a.previous > {back} THEN a.previous ELSE {back} END AS lo
                FROM anchors a{string.Concat(Enumerable.Range(3, _n - 2).Select(k =>
                    $"\nLEFT JOIN next{k} n{k} ON n{k}.customer_key = a.customer_key AND n{k}.ts = {(k == 3 ? "a.ts" : $"n{k - 1}.t")}"))}
                """);
            return sql.ToString();
        }

        /// <summary>Every start joined to its one anchor (if any), the earliest per customer and reach, and the attempt.</summary>
        public string Attempts(string chains)
        {
            var strict = Strict(2);
            var best = new List<string> { "min(v.ts) AS first_start" };
            for (var m = _n; m >= 2; m--)
            {
                var reaches = m == 2 ? "x.t2 IS NOT NULL" : $"v.ts >= x.t{m} - {Window}";
                best.Add($"min(v.ts) FILTER (WHERE {reaches}) AS r{m}_1");
                for (var j = 2; j <= m; j++) best.Add($"min(x.t{j}) FILTER (WHERE {reaches}) AS r{m}_{j}");
            }
            var reach = string.Concat(Enumerable.Range(2, _n - 1).Reverse().Select(m => $" WHEN r{m}_1 IS NOT NULL THEN {m}"));
            var times = Enumerable.Range(1, _n).Select(j =>
            {
                var candidates = Enumerable.Range(Math.Max(j, 2), _n - Math.Max(j, 2) + 1).Reverse().Select(m => $"r{m}_{j}").ToList();
                if (j == 1) candidates.Add("first_start");
                return (candidates.Count == 1 ? candidates[0] : $"coalesce({string.Join(", ", candidates)})") + $" AS t{j}";
            });
            return $"""
                SELECT customer_key, CASE{reach} ELSE 1 END AS reach,
                  {string.Join(",\n  ", times)}
                FROM (
                  SELECT v.customer_key,
                    {string.Join(",\n    ", best)}
                  FROM ({Step(1)}) v
                  LEFT JOIN (
                    SELECT c.*, {Key("c.customer_key", "c.t2")} - d.d AS jk
                    FROM {chains} c CROSS JOIN (VALUES (0), (1)) AS d(d)
                    WHERE d.d = 0 OR {Bucket("c.lo")} < {Bucket("c.t2")}) x
                  ON x.jk = v.k AND v.ts {(strict ? ">=" : ">")} x.lo AND v.ts {(strict ? "<" : "<=")} x.t2
                  GROUP BY v.customer_key) AS best
                """;
        }
    }
}
