using ShopLens.Core.Store;
using ShopLens.Insight.Features;

namespace ShopLens.Insight.Segments;

/// <summary>
/// RFM segments, computed as SQL inside the store over the customers with at least one kept order before the
/// cut-off (<see cref="Purchases.KeptSql"/>): recency (days from the last kept order to <see cref="CutOff.Reference"/>),
/// frequency (kept orders) and monetary (kept revenue, rounded to cents) each scored 1–5, 5 best; then the segment of
/// (R, FM) in <see cref="RfmGrid"/>, where FM = ⌊(F + M) / 2⌋.
/// </summary>
/// <remarks>
/// Quintile scores are rank-based, so equal values always get equal scores: a customer scores
/// 1 + ⌊5 × (customers strictly worse) / (customers scored)⌋. The worst value always scores 1; a large tie keeps
/// the score of its first place and the scores it spans stay empty (CDNOW's one-order half all score F 1, two
/// orders score F 3). Recency ranks the last order's timestamp itself, and monetary is rounded to cents before
/// ranking, so floating-point noise in sums never splits a tie.
/// </remarks>
public static class RfmSegmentation
{
    public const string Method = "rfm";

    /// <summary>
    /// One row per scored customer, ordered by <c>customer_id</c>: <c>customer_key</c>, <c>customer_id</c>,
    /// <c>recency_days</c>, <c>frequency</c>, <c>monetary</c>, the scores <c>r</c>, <c>f</c>, <c>m</c>, <c>fm</c>, and <c>segment</c>.
    /// </summary>
    public static string Sql(DateTime? asOf) => $"""
        WITH now_ts AS (SELECT {CutOff.Reference(asOf)} AS t),
        buyers AS (
          SELECT customer_key, max(ts) AS last_order, count(*) AS frequency, CAST(sum(revenue) AS DECIMAL(18, 2)) AS monetary
          FROM ({Purchases.KeptSql(asOf)}) AS kept GROUP BY customer_key),
        ranked AS (
          SELECT b.*,
            rank() OVER (ORDER BY last_order) - 1 AS r_worse,
            rank() OVER (ORDER BY frequency) - 1 AS f_worse,
            rank() OVER (ORDER BY monetary) - 1 AS m_worse,
            count(*) OVER () AS n
          FROM buyers b),
        scored AS (
          SELECT customer_key, last_order, frequency, monetary,
            {Quintile("r_worse")} AS r, {Quintile("f_worse")} AS f, {Quintile("m_worse")} AS m
          FROM ranked),
        graded AS (
          SELECT scored.*, CAST(floor((f + m) / 2.0) AS INTEGER) AS fm FROM scored)
        SELECT g.customer_key, c.customer_id,
          (extract(epoch FROM now_ts.t) - extract(epoch FROM g.last_order)) / 86400.0 AS recency_days,
          g.frequency, g.monetary, g.r, g.f, g.m, g.fm,
          {RfmGrid.CaseSql("g.r", "g.fm")} AS segment
        FROM graded g CROSS JOIN now_ts JOIN customers c ON c.customer_key = g.customer_key
        ORDER BY c.customer_id
        """;

    /// <summary>Scores the customers as of <paramref name="asOf"/>, saves the memberships (<see cref="SavedSegments"/>) and summarises them.</summary>
    public static Segmentation Run(ShopStore store, DateTime? asOf, TimeProvider? time = null)
    {
        SavedSegments.Replace(store, Method, asOf, $"SELECT customer_key, segment FROM ({Sql(asOf)}) AS rfm", time);
        return SavedSegments.Summarize(store, Method, asOf, [.. RfmGrid.Segments.Select(s => new SegmentDefinition(s.Name, s.Rule))]) with
        {
            MembersSql = $"SELECT customer_id, segment, recency_days, frequency, monetary, r, f, m, fm FROM ({Sql(asOf)}) AS rfm ORDER BY customer_id",
        };
    }

    // 1 + ⌊5 × worse / n⌋ in integers, the same in every SQL dialect (no division, no rounding).
    static string Quintile(string worse) =>
        $"CASE WHEN 5 * {worse} >= 4 * n THEN 5 WHEN 5 * {worse} >= 3 * n THEN 4 WHEN 5 * {worse} >= 2 * n THEN 3 WHEN 5 * {worse} >= n THEN 2 ELSE 1 END";
}
