using ShopLens.Core.Store;
using ShopLens.Insight.Features;

namespace ShopLens.Insight.Lifetime;

/// <summary>
/// Next-order estimates against the first kept order each customer really placed after the cut-off (up to the end
/// of the data): the median absolute error in days and the share of actual dates inside the intervals, over the
/// customers with a date who did order again; and how many of those without a date (overdue, lapsed) did.
/// </summary>
public sealed record NextOrderEvaluation(int WithDate, int WithDateOrdered, double MedianAbsoluteErrorDays, double IntervalCoverage,
    int WithoutDate, int WithoutDateOrdered)
{
    public static NextOrderEvaluation Evaluate(IShopStore store, DateTime cutOff, IReadOnlyList<NextOrderEstimate> estimates)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(estimates);
        var next = new Dictionary<int, DateTime>();
        var sql = $"""
            SELECT customer_key, CAST(min(CAST(ts AS DATE)) AS TIMESTAMP) FROM ({Purchases.KeptSql(null)}) AS kept
            WHERE ts >= {SqlLiteral.Timestamp(cutOff)} GROUP BY customer_key
            """;
        using (var reader = store.Query(sql))
            while (reader.Read()) next[reader.GetInt32(0)] = reader.GetDateTime(1);
        var dated = estimates.Where(e => e.Expected is not null).ToArray();
        var ordered = dated.Where(e => next.ContainsKey(e.CustomerKey)).ToArray();
        var errors = ordered.Select(e => Math.Abs((next[e.CustomerKey] - e.Expected!.Value).TotalDays)).Order().ToArray();
        // An interval without an upper end (a model whose P(alive) never reaches 90%) covers every later date.
        var covered = ordered.Count(e => (e.Low is not { } low || low.Date <= next[e.CustomerKey]) && (e.High is not { } high || next[e.CustomerKey] <= high.Date));
        var undated = estimates.Where(e => e.Expected is null).ToArray();
        return new NextOrderEvaluation(dated.Length, ordered.Length, errors.Length == 0 ? double.NaN : Median(errors),
            ordered.Length == 0 ? double.NaN : (double)covered / ordered.Length, undated.Length, undated.Count(e => next.ContainsKey(e.CustomerKey)));
    }

    static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
