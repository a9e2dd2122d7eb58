namespace ShopLens.Learning.Recommenders;

/// <summary>
/// Picks a recommender's settings honestly: each candidate is fitted on part of the training data and judged by
/// NDCG@K on the rest (a per-user random split of the training matrix), never on the test data.
/// </summary>
public static class HyperparameterSearch
{
    /// <summary>One candidate setting: a label for reports and how to fit it.</summary>
    public sealed record Candidate(string Label, Func<Interactions, IRecommender> Fit);

    /// <summary>The best candidate and every candidate's validation NDCG@K, in the order given.</summary>
    public sealed record Result(Candidate Best, IReadOnlyList<(string Label, double Ndcg)> Tried);

    public static Result Choose(Interactions train, IReadOnlyList<Candidate> candidates, int k, int seed, int threads = 1, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0) throw new ArgumentException("no candidate settings to choose from", nameof(candidates));
        if (candidates.Count == 1) return new Result(candidates[0], [(candidates[0].Label, double.NaN)]);
        var (fit, validation) = InteractionSplit.PerUserRandom(train, 0.25, seed);
        var tried = new List<(string, double)>();
        var best = 0;
        for (var c = 0; c < candidates.Count; c++)
        {
            ct.ThrowIfCancellationRequested();
            var model = candidates[c].Fit(fit);
            try
            {
                tried.Add((candidates[c].Label, RankingEvaluation.Evaluate(model, fit, validation, k, threads, ct).Ndcg));
            }
            finally
            {
                (model as IDisposable)?.Dispose();
            }
            if (tried[c].Item2 > tried[best].Item2) best = c;
        }
        return new Result(candidates[best], tried);
    }
}
