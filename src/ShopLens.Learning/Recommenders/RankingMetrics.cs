namespace ShopLens.Learning.Recommenders;

/// <summary>
/// Full-ranking quality of top-K lists, averaged over the users with at least one test item: every item the user
/// did not have in training is ranked, none sampled. Relevance is binary (a test item is relevant).
/// <list type="bullet">
/// <item><see cref="Ndcg"/>: Σ over hits 1/log₂(rank + 1), over the same for min(K, |relevant|) hits at the top.</item>
/// <item><see cref="Precision"/> hits/K; <see cref="Recall"/> hits/|relevant|; <see cref="HitRate"/> any hit.</item>
/// <item><see cref="Map"/>: Σ over hits of precision at that rank, over |relevant| — microsoft/recommenders' <c>map</c>,
/// the "MAP" of their published benchmark (some libraries divide by min(K, |relevant|) instead, which is larger).</item>
/// <item><see cref="Mrr"/>: 1/rank of the first hit within the top K, 0 without one.</item>
/// <item><see cref="Coverage"/>: the share of all items that appear in some list; <see cref="Novelty"/>: the mean
/// −log₂ of a recommended item's share of the training interactions (higher recommends rarer items).</item>
/// </list>
/// </summary>
public sealed record RankingMetrics(int K, int Users, double Ndcg, double Precision, double Recall, double Map, double HitRate, double Mrr,
    double Coverage, double Novelty);
