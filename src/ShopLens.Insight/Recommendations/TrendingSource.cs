using ShopLens.Learning.Recommenders;

namespace ShopLens.Insight.Recommendations;

/// <summary>
/// Fits <see cref="Trending"/> from the log's acts that a matrix keeps: the hybrid refits its sources on parts of the
/// training data, and what is trending there must come from those parts' acts alone, aged from the training data's end.
/// </summary>
public static class TrendingSource
{
    /// <summary>Two weeks: a shop's interest moves within a season, not within a day.</summary>
    public const double HalfLifeDays = 14;

    /// <summary>A factory for the acts of <paramref name="log"/> marked in <paramref name="rows"/> whose (customer, product) the given matrix has.</summary>
    public static Func<Interactions, IRecommender> For(InteractionLog log, bool[] rows)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(rows);
        var end = Enumerable.Range(0, log.Rows).Where(r => rows[r]).Select(r => log.Time[r]).DefaultIfEmpty(DateTime.MinValue).Max();
        return matrix =>
        {
            var kept = log.RowsBehind(rows, matrix);
            return Trending.Fit(matrix.Items, [.. kept.Select(r => log.Item[r])], [.. kept.Select(r => (end - log.Time[r]).TotalDays)], HalfLifeDays);
        };
    }
}
