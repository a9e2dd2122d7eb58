using System.Data.Common;
using System.Globalization;
using ShopLens.Core.Store;
using ShopLens.Insight.Segments;

namespace ShopLens.Insight.Funnels;

/// <summary>
/// Computes a funnel inside the store: each customer's attempt (<see cref="FunnelAttempts"/>) into a temporary table,
/// then per step the customers reaching it and the median and mean time from the step before, overall and per
/// breakdown value, and the correlation signals. docs/funnels.md describes the semantics.
/// </summary>
public static class FunnelAnalysis
{
    const string AttemptsTable = "funnel_attempts";

    /// <summary>The label of customers without a breakdown value (no product, category, channel or segment).</summary>
    public const string NoValue = "(none)";

    /// <summary>The label of the breakdown values past <see cref="FunnelDefinition.BreakdownLimit"/>, counted together.</summary>
    public const string OtherValues = "(other)";

    /// <summary>
    /// Computes <paramref name="funnel"/>; with <paramref name="attemptsFile"/>, also writes each customer's attempt there
    /// (<c>customer_id</c>, <c>steps_reached</c>, <c>converted</c>, when each step happened) as CSV, Parquet or JSON lines.
    /// </summary>
    public static FunnelResult Run(IShopStore store, FunnelDefinition funnel, string? attemptsFile = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(funnel);
        funnel.Validate();
        if (funnel.By == FunnelBreakdown.Segment
            && store.Scalar<long>($"SELECT count(*) FROM segments WHERE method = {SqlLiteral.Text(funnel.SegmentMethod)}") == 0)
            throw new ArgumentException($"no segments are saved for method '{funnel.SegmentMethod}': run `shoplens segment --method {funnel.SegmentMethod}` first");

        // A bad file name fails before the work, not after it.
        if (attemptsFile is not null) QueryExport.Check(attemptsFile);
        FunnelAttempts.Create(store, funnel, AttemptsTable);
        try
        {
            if (attemptsFile is not null) WriteAttempts(store, funnel, attemptsFile);
            var groups = Aggregate(store, funnel);
            var overall = groups.Single(g => g.Value is null);
            var breakdown = funnel.By == FunnelBreakdown.None ? [] : groups.Where(g => g.Value is not null)
                .OrderByDescending(g => g.Value == OtherValues ? -1 : g.Entered).ThenBy(g => g.Value, StringComparer.Ordinal)
                .Select(g => new FunnelBreakdownGroup(g.Value!, g.Steps, g.MedianTimeToConvert)).ToList();
            var correlations = funnel.CorrelationTop > 0 ? FunnelCorrelation.Compute(store, funnel, AttemptsTable) : null;
            return new FunnelResult(funnel, overall.Steps, overall.MedianTimeToConvert, breakdown, correlations);
        }
        finally
        {
            store.Execute($"DROP TABLE IF EXISTS {AttemptsTable}");
        }
    }

    static void WriteAttempts(IShopStore store, FunnelDefinition funnel, string path)
    {
        var names = funnel.StepNames;
        // A step's column is named after its type (view_at), with the step number when the type repeats (view_1_at).
        var columns = Enumerable.Range(1, names.Count).Select(k =>
            $"a.t{k} AS {names[k - 1]}{(names.Count(x => x == names[k - 1]) > 1 ? "_" + k.ToString(CultureInfo.InvariantCulture) : "")}_at");
        QueryExport.Write(store, $"""
            SELECT c.customer_id, a.reach AS steps_reached, a.reach = {names.Count} AS converted, {string.Join(", ", columns)}
            FROM {AttemptsTable} a JOIN customers c ON c.customer_key = a.customer_key
            ORDER BY c.customer_id
            """, path);
    }

    sealed record Group(string? Value, IReadOnlyList<FunnelStep> Steps, double? MedianTimeToConvert)
    {
        public long Entered => Steps[0].Customers;
    }

    // One query: the overall funnel (value NULL) and, with a breakdown, one row per value, by GROUPING SETS.
    static List<Group> Aggregate(IShopStore store, FunnelDefinition funnel)
    {
        var n = funnel.Steps.Count;
        string Seconds(int k) => $"extract(epoch FROM t{k}) - extract(epoch FROM t{k - 1})";
        var measures = new List<string>();
        for (var k = 1; k <= n; k++)
        {
            measures.Add($"count(*) FILTER (WHERE reach >= {k})");
            if (k > 1)
                measures.Add($"percentile_cont(0.5) WITHIN GROUP (ORDER BY {Seconds(k)}), avg({Seconds(k)})");
        }
        measures.Add($"percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t{n}) - extract(epoch FROM t1))");
        var sql = funnel.By == FunnelBreakdown.None
            ? $"SELECT CAST(NULL AS VARCHAR), {string.Join(", ", measures)} FROM {AttemptsTable}"
            : $"""
              WITH labelled AS ({Labelled(funnel)}),
              ranked AS (SELECT value, row_number() OVER (ORDER BY count(*) DESC, value) AS r FROM labelled GROUP BY value),
              grouped AS (
                SELECT CASE WHEN k.r <= {funnel.BreakdownLimit} THEN l.value ELSE '{OtherValues}' END AS value,
                  l.reach, {string.Join(", ", Enumerable.Range(1, n).Select(k => $"l.t{k}"))}
                FROM labelled l JOIN ranked k ON k.value = l.value)
              SELECT CASE WHEN GROUPING(value) = 1 THEN NULL ELSE value END, {string.Join(", ", measures)}
              FROM grouped GROUP BY GROUPING SETS ((), (value))
              """;
        var groups = new List<Group>();
        using var r = store.Query(sql);
        while (r.Read()) groups.Add(ReadGroup(r, funnel));
        return groups;
    }

    static Group ReadGroup(DbDataReader r, FunnelDefinition funnel)
    {
        var names = funnel.StepNames;
        var steps = new List<FunnelStep>();
        var column = 1;
        for (var k = 1; k <= names.Count; k++)
        {
            var customers = Convert.ToInt64(r.GetValue(column++), CultureInfo.InvariantCulture);
            double? median = null, mean = null;
            if (k > 1)
            {
                median = Number(r, column++);
                mean = Number(r, column++);
            }
            var previous = k == 1 ? customers : steps[^1].Customers;
            var first = k == 1 ? customers : steps[0].Customers;
            steps.Add(new FunnelStep(k, names[k - 1], customers, Ratio(customers, previous), Ratio(customers, first),
                previous - customers, k == 1 ? null : Ratio(previous - customers, previous), median, mean));
        }
        return new Group(r.IsDBNull(0) ? null : r.GetString(0), steps, Number(r, column));
    }

    // The attempts with their breakdown value, taken from the attempt's first-step events (the smallest value when
    // several happened at that moment) or from the customer's saved segment.
    static string Labelled(FunnelDefinition funnel)
    {
        var first = $"e.customer_key = a.customer_key AND e.ts = a.t1 AND e.type = {(int)funnel.Steps[0]}";
        var value = funnel.By switch
        {
            FunnelBreakdown.Category => $"""
                SELECT a.customer_key, min(NULLIF(trim(split_part(p.category, '>', 1)), '')) AS value
                FROM {AttemptsTable} a JOIN events e ON {first} LEFT JOIN products p ON p.product_key = e.product_key
                GROUP BY a.customer_key
                """,
            FunnelBreakdown.Channel => $"""
                SELECT a.customer_key, min(coalesce(NULLIF(e.channel, ''), NULLIF(c.channel, ''))) AS value
                FROM {AttemptsTable} a JOIN events e ON {first} JOIN customers c ON c.customer_key = a.customer_key
                GROUP BY a.customer_key
                """,
            FunnelBreakdown.Segment => $"""
                SELECT customer_key, min(segment) AS value FROM segments
                WHERE method = {SqlLiteral.Text(funnel.SegmentMethod)} GROUP BY customer_key
                """,
            _ => throw new ArgumentOutOfRangeException(nameof(funnel), funnel.By, "no breakdown"),
        };
        return $"""
            SELECT a.*, coalesce(v.value, '{NoValue}') AS value
            FROM {AttemptsTable} a LEFT JOIN ({value}) v ON v.customer_key = a.customer_key
            """;
    }

    static double? Ratio(long part, long whole) => whole == 0 ? null : (double)part / whole;

    static double? Number(DbDataReader r, int column) =>
        r.IsDBNull(column) ? null : Convert.ToDouble(r.GetValue(column), CultureInfo.InvariantCulture);
}
