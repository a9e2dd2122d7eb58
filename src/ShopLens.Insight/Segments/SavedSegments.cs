using System.Globalization;
using ShopLens.Core.Store;
using ShopLens.Insight.Features;

namespace ShopLens.Insight.Segments;

/// <summary>
/// The store's <c>segments</c> table: the memberships the last run of each method saved (<c>method</c>,
/// <c>customer_key</c>, <c>segment</c>, <c>as_of</c>, <c>created_at</c>), which breakdowns such as funnels read.
/// A save replaces every row of its method in one transaction, so a reader sees the old run or the new one, never a mix.
/// </summary>
public static class SavedSegments
{
    /// <summary>
    /// Replaces the method's rows with the rows of <paramref name="membershipSql"/> (columns <c>customer_key</c>,
    /// <c>segment</c>) by INSERT … SELECT inside the store; returns the number saved.
    /// </summary>
    public static long Replace(ShopStore store, string method, DateTime? asOf, string membershipSql, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        using var tx = store.Connection.BeginTransaction();
        Delete(store, method);
        var saved = store.Execute($"""
            INSERT INTO segments (method, customer_key, segment, as_of, created_at)
            SELECT {SqlLiteral.Text(method)}, customer_key, segment, {(asOf is null ? "NULL" : SqlLiteral.Timestamp(asOf.Value))}, {SqlLiteral.Timestamp(Now(time))}
            FROM ({membershipSql}) AS members
            """);
        tx.Commit();
        return saved;
    }

    /// <summary>
    /// Replaces the method's rows with memberships computed in memory (customer <c>customerKeys[i]</c> is in
    /// <c>segmentOfEach[i]</c>), through DuckDB's appender.
    /// </summary>
    public static void Save(ShopStore store, string method, DateTime? asOf, ReadOnlySpan<int> customerKeys, IReadOnlyList<string> segmentOfEach,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(segmentOfEach);
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        if (customerKeys.Length != segmentOfEach.Count)
            throw new ArgumentException($"{customerKeys.Length} customers but {segmentOfEach.Count} segments: one segment per customer");
        if (segmentOfEach.Any(string.IsNullOrEmpty)) throw new ArgumentException("every customer needs a segment name");
        var createdAt = Now(time);
        var cut = asOf?.ToUniversalTime();
        using var tx = store.Connection.BeginTransaction();
        Delete(store, method);
        using (var appender = store.Connection.CreateAppender("segments"))
        {
            for (var i = 0; i < customerKeys.Length; i++)
            {
                var row = appender.CreateRow().AppendValue(method).AppendValue(customerKeys[i]).AppendValue(segmentOfEach[i]);
                row = cut is null ? row.AppendNullValue() : row.AppendValue(cut.Value);
                row.AppendValue(createdAt).EndRow();
            }
        }
        tx.Commit();
    }

    /// <summary>
    /// Sizes, revenue and mean recency/frequency/monetary (values and 1–5 scores, <see cref="RfmSegmentation"/>) of
    /// the method's saved segments, measured as of <paramref name="asOf"/>. Segments come in the order of
    /// <paramref name="definitions"/>, empty ones included; any other saved segment follows, largest first.
    /// </summary>
    public static Segmentation Summarize(IShopStore store, string method, DateTime? asOf, IReadOnlyList<SegmentDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(definitions);
        var found = new Dictionary<string, SegmentSummary>(StringComparer.Ordinal);
        using (var r = store.Query($"""
            WITH members AS (SELECT customer_key, segment FROM segments WHERE method = {SqlLiteral.Text(method)}),
            buyers AS ({RfmSegmentation.Sql(asOf)})
            SELECT m.segment, count(*), count(b.customer_key), coalesce(sum(b.monetary), 0),
              avg(b.r), avg(b.f), avg(b.m), avg(b.recency_days), avg(b.frequency), avg(b.monetary)
            FROM members m LEFT JOIN buyers b ON b.customer_key = m.customer_key
            GROUP BY m.segment
            """))
        {
            while (r.Read())
            {
                double? Mean(int i) => r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture);
                var name = r.GetString(0);
                found[name] = new SegmentSummary
                {
                    Name = name,
                    Rule = "",
                    Customers = r.GetInt64(1),
                    Buyers = r.GetInt64(2),
                    Revenue = Convert.ToDouble(r.GetValue(3), CultureInfo.InvariantCulture),
                    MeanR = Mean(4),
                    MeanF = Mean(5),
                    MeanM = Mean(6),
                    MeanRecencyDays = Mean(7),
                    MeanFrequency = Mean(8),
                    MeanMonetary = Mean(9),
                };
            }
        }
        var customers = found.Values.Sum(s => s.Customers);
        var revenue = found.Values.Sum(s => s.Revenue);
        var defined = definitions.Select(d => (found.GetValueOrDefault(d.Name) ?? new SegmentSummary { Name = d.Name, Rule = "" }) with { Rule = d.Rule });
        var others = found.Values.Where(s => !definitions.Any(d => d.Name == s.Name)).OrderByDescending(s => s.Customers).ThenBy(s => s.Name, StringComparer.Ordinal);
        return new Segmentation
        {
            Method = method,
            AsOf = asOf,
            Customers = customers,
            Segments = defined.Concat(others).Select(s => s with
            {
                Share = customers == 0 ? 0 : (double)s.Customers / customers,
                RevenueShare = revenue == 0 ? 0 : s.Revenue / revenue,
            }).ToList(),
            MembersSql = MembersSql(method),
        };
    }

    /// <summary>The method's saved members: <c>customer_id</c>, <c>segment</c>, ordered by <c>customer_id</c>.</summary>
    public static string MembersSql(string method) => $"""
        SELECT c.customer_id, s.segment FROM segments s JOIN customers c ON c.customer_key = s.customer_key
        WHERE s.method = {SqlLiteral.Text(method)} ORDER BY c.customer_id
        """;

    static void Delete(ShopStore store, string method) => store.Execute($"DELETE FROM segments WHERE method = {SqlLiteral.Text(method)}");

    static DateTime Now(TimeProvider? time) => (time ?? TimeProvider.System).GetUtcNow().UtcDateTime;
}
