using ShopLens.Learning.Recommenders;

namespace ShopLens.Insight.Recommendations;

/// <summary>
/// The recommenders that need more than a matrix — the times and order of the acts behind it — as factories that fit
/// on the acts of the log that a given matrix keeps: trending (the acts' ages) and the sequence Transformer (their
/// order); and the hybrid's inner split by time (<see cref="LatestActsSplit"/>) of such a matrix.
/// </summary>
public sealed record ActSources(Func<Interactions, IRecommender> Trending, Func<Interactions, SequenceRecommender> Sequence,
    Func<Interactions, double, Func<int, (Interactions Inner, Interactions Targets)>> NextSplit)
{
    /// <summary>The sources for the acts of <paramref name="log"/> marked in <paramref name="rows"/> (the training part of a split).</summary>
    public static ActSources For(InteractionLog log, bool[] rows, int seed, int threads) =>
        new(TrendingSource.For(log, rows), SequenceSource.For(log, rows, seed, threads), (matrix, fraction) => LatestActsSplit.For(log, rows, matrix, fraction));
}
