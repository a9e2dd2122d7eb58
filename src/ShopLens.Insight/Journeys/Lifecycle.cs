using System.Globalization;
using ShopLens.Core.Model;
using ShopLens.Core.Store;
using ShopLens.Insight.Features;

namespace ShopLens.Insight.Journeys;

/// <summary>
/// Each customer's <see cref="LifecycleStage"/> as of a date, computed as SQL inside the store from what happened strictly
/// before it: kept orders (<see cref="Purchases.KeptSql"/>), events, and any order or sign-up date as a sign of life.
/// A customer is present from when they were first seen; without an as-of date, as of the store's last event or order.
/// </summary>
public static class Lifecycle
{
    /// <summary>The query: one row per customer present as of <paramref name="asOf"/> — <c>customer_key</c>, <c>customer_id</c>, <c>stage</c>.</summary>
    public static string Sql(DateTime? asOf, StageDefinitions definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        definitions.Validate();
        return $"""
            WITH r AS (SELECT {CutOff.Reference(asOf)} AS t),
            presence AS ({CustomerPresence.Sql(asOf)}),
            kept AS (
              SELECT customer_key, count(*) AS orders, max(ts) AS last_order
              FROM ({Purchases.KeptSql(asOf)}) AS k GROUP BY customer_key),
            recent AS (
              SELECT e.customer_key, count(*) AS events, count(*) FILTER (WHERE e.type = {(int)EventType.Cart}) AS carts
              FROM events e, r
              WHERE {CutOff.Before(asOf, "e.ts")} AND e.ts >= {DaysBefore(definitions.ActiveWindowDays)}
              GROUP BY e.customer_key)
            SELECT p.customer_key, c.customer_id,
              CASE {string.Join(" ", LifecycleStages.Precedence.Select(s => $"WHEN {Rule(s, definitions)} THEN '{LifecycleStages.Name(s)}'"))} END AS stage
            FROM presence p
            CROSS JOIN r
            JOIN customers c ON c.customer_key = p.customer_key
            LEFT JOIN kept k ON k.customer_key = p.customer_key
            LEFT JOIN recent n ON n.customer_key = p.customer_key
            """;
    }

    // The condition for a stage, given that the stages before it in the precedence did not hold. Aliases: p presence,
    // k kept orders, n recent events, r the reference moment.
    static string Rule(LifecycleStage stage, StageDefinitions d) => stage switch
    {
        LifecycleStage.Churned => $"p.last_active < {DaysBefore(d.ChurnDays)}",
        LifecycleStage.AtRisk => $"k.last_order < {DaysBefore(d.AtRiskDays)}",
        LifecycleStage.Loyal => $"k.orders >= {d.LoyalMinOrders}",
        LifecycleStage.RepeatBuyer => "k.orders >= 2",
        LifecycleStage.FirstTimeBuyer => "k.orders = 1",
        LifecycleStage.CartAbandoner => "n.carts > 0",
        LifecycleStage.Browsing => $"n.events >= {d.BrowsingMinEvents}",
        LifecycleStage.Visitor => "TRUE",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    static string DaysBefore(int days) => $"r.t - INTERVAL '{days} days'";

    /// <summary>How many customers are in each stage as of <paramref name="asOf"/> (every stage listed, zeros included).</summary>
    public static IReadOnlyDictionary<LifecycleStage, long> Count(IShopStore store, DateTime? asOf, StageDefinitions definitions)
    {
        ArgumentNullException.ThrowIfNull(store);
        var counts = LifecycleStages.All.ToDictionary(s => s, _ => 0L);
        using var r = store.Query($"SELECT stage, count(*) FROM ({Sql(asOf, definitions)}) AS stages GROUP BY stage");
        while (r.Read()) counts[LifecycleStages.Parse(r.GetString(0))] = Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture);
        return counts;
    }

    /// <summary>
    /// How customers moved between stages from one date to a later one: every customer present at <paramref name="to"/>,
    /// by their stage at <paramref name="from"/> (or "new" when not yet present then) and at <paramref name="to"/>.
    /// </summary>
    public static StageTransitions Transitions(IShopStore store, DateTime from, DateTime to, StageDefinitions definitions)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (to <= from) throw new ArgumentException($"the transition's end ({to:yyyy-MM-dd HH:mm:ss}) must come after its start ({from:yyyy-MM-dd HH:mm:ss})");
        var cells = new Dictionary<(LifecycleStage? From, LifecycleStage To), long>();
        using (var r = store.Query($"""
            SELECT a.stage, b.stage, count(*)
            FROM ({Sql(to, definitions)}) AS b
            LEFT JOIN ({Sql(from, definitions)}) AS a ON a.customer_key = b.customer_key
            GROUP BY a.stage, b.stage
            """))
        {
            while (r.Read())
            {
                LifecycleStage? before = r.IsDBNull(0) ? null : LifecycleStages.Parse(r.GetString(0));
                cells[(before, LifecycleStages.Parse(r.GetString(1)))] = Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture);
            }
        }
        return new StageTransitions(from, to, cells);
    }

    /// <summary>Writes <c>customer_id,stage</c> for every customer present as of <paramref name="asOf"/>, by customer id; returns the rows written.</summary>
    public static long WriteCsv(IShopStore store, DateTime? asOf, StageDefinitions definitions, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("customer_id,stage");
        long n = 0;
        using var r = store.Query($"SELECT customer_id, stage FROM ({Sql(asOf, definitions)}) AS stages ORDER BY customer_id");
        while (r.Read())
        {
            writer.Write(Csv(r.GetString(0)));
            writer.Write(',');
            writer.WriteLine(r.GetString(1));
            n++;
        }
        return n;
    }

    static string Csv(string field) => field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
