namespace ShopLens.Learning.Recommenders;

/// <summary>
/// The sampled protocol of many papers (SASRec's, NCF's): each held-out item ranked against 100 items drawn uniformly
/// from those the user has in neither training nor test. Reported only beside full ranking, for comparison with
/// published numbers: it is known to flatter models and can reorder them (Krichene &amp; Rendle 2020).
/// </summary>
public static class SampledRankingEvaluation
{
    /// <summary>HR@K and NDCG@K averaged over every (user, held-out item) pair, with <c>Negatives</c> negatives each.</summary>
    public sealed record Result(int K, int Negatives, int Pairs, double HitRate, double Ndcg);

    public static Result Evaluate(IRecommender model, Interactions train, Interactions test, int k, int negatives, int seed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(negatives, 1);
        if (train.Users != test.Users || train.Items != test.Items || model.Items != train.Items)
            throw new LearnerInputException($"train ({train.Users} × {train.Items}), test ({test.Users} × {test.Items}) and model ({model.Items} items) do not fit together");
        var rng = new Random(seed);
        var scores = new float[train.Items];
        double hits = 0, ndcg = 0;
        var pairs = 0;
        for (var u = 0; u < test.Users; u++)
        {
            var held = test.ItemsOf(u);
            if (held.IsEmpty) continue;
            ct.ThrowIfCancellationRequested();
            var seen = train.ItemsOf(u);
            if (train.Items - seen.Length - held.Length < negatives) continue;
            model.Score(u, seen, train.WeightsOf(u), scores);
            foreach (var positive in held)
            {
                // Drawn with replacement among the allowed items, as SASRec's evaluation draws them.
                var above = 0;
                for (var n = 0; n < negatives; n++)
                {
                    int j;
                    do j = rng.Next(train.Items);
                    while (seen.BinarySearch(j) >= 0 || held.BinarySearch(j) >= 0);
                    // A tie counts against the held-out item: a model that cannot tell them apart earns nothing for it.
                    if (scores[j] >= scores[positive]) above++;
                }
                pairs++;
                if (above >= k) continue;
                hits++;
                ndcg += 1 / Math.Log2(above + 2);
            }
        }
        return new Result(k, negatives, pairs, pairs == 0 ? 0 : hits / pairs, pairs == 0 ? 0 : ndcg / pairs);
    }
}
