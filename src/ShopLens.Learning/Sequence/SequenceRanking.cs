namespace ShopLens.Learning.Sequence;

/// <summary>
/// How well the held-out next items ranked. <see cref="Protocol"/> <c>full</c>: against every item of the catalogue,
/// none removed (a sequence may repeat an item); <c>sampled_100_uniform</c>: against 100 items drawn uniformly, with
/// replacement, from those the sequence never has (the SASRec paper's protocol, reported for comparison only: it
/// flatters, Krichene &amp; Rendle 2020). HR@K: the share ranked in the top K; NDCG@K: 1/log₂(rank + 1) when in the
/// top K; MRR: the mean 1/rank, not cut at K. Ties count against the held-out item.
/// </summary>
public sealed record SequenceRanking(string Protocol, int K, int Cases, double HitRate, double Ndcg, double Mrr)
{
    public const string Full = "full";
    public const string Sampled100Uniform = "sampled_100_uniform";
}
