namespace ShopLens.Learning.Recommenders;

/// <summary>Scores every test user with a fitted model, ranks all items they did not have in training, and measures the top K.</summary>
public static class RankingEvaluation
{
    /// <exception cref="LearnerInputException">the matrices' shapes differ from each other or from the model</exception>
    public static RankingMetrics Evaluate(IRecommender model, Interactions train, Interactions test, int k, int threads = 1, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (train.Users != test.Users || train.Items != test.Items || model.Items != train.Items)
            throw new LearnerInputException($"train ({train.Users} × {train.Items}), test ({test.Users} × {test.Items}) and model ({model.Items} items) do not fit together");
        var users = Enumerable.Range(0, test.Users).Where(u => test.RowStart[u + 1] > test.RowStart[u]).ToArray();
        var lists = new int[users.Length][];
        Parallel.For(0, users.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = ct },
            () => new float[train.Items],
            (n, _, scores) =>
            {
                var u = users[n];
                model.Score(u, train.ItemsOf(u), train.WeightsOf(u), scores);
                lists[n] = TopItems.Select(scores, k, train.ItemsOf(u));
                return scores;
            },
            _ => { });
        return Measure(lists, users, train, test, k);
    }

    /// <summary>The metrics of given top-K lists, one per user in <paramref name="users"/> (in that order).</summary>
    public static RankingMetrics Measure(IReadOnlyList<int[]> lists, IReadOnlyList<int> users, Interactions train, Interactions test, int k)
    {
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        var popularity = new double[train.Items];
        foreach (var i in train.Columns) popularity[i]++;
        var total = Math.Max(1, train.Count);
        var recommended = new bool[train.Items];
        double ndcg = 0, precision = 0, recall = 0, map = 0, hitRate = 0, mrr = 0, novelty = 0;
        long listed = 0;
        for (var n = 0; n < users.Count; n++)
        {
            var relevant = test.ItemsOf(users[n]);
            var list = lists[n];
            double dcg = 0, precisionSum = 0;
            var hits = 0;
            var firstHit = 0;
            for (var r = 0; r < list.Length; r++)
            {
                recommended[list[r]] = true;
                // An item nobody had in training counts as seen once, so its novelty is finite.
                novelty += -Math.Log2(Math.Max(popularity[list[r]], 1) / total);
                listed++;
                if (relevant.BinarySearch(list[r]) < 0) continue;
                hits++;
                dcg += 1 / Math.Log2(r + 2);
                precisionSum += hits / (r + 1.0);
                if (firstHit == 0) firstHit = r + 1;
            }
            double ideal = 0;
            for (var r = 0; r < Math.Min(k, relevant.Length); r++) ideal += 1 / Math.Log2(r + 2);
            ndcg += dcg / ideal;
            precision += hits / (double)k;
            recall += hits / (double)relevant.Length;
            map += precisionSum / relevant.Length;
            hitRate += hits > 0 ? 1 : 0;
            mrr += firstHit > 0 ? 1.0 / firstHit : 0;
        }
        var m = Math.Max(1, users.Count);
        return new RankingMetrics(k, users.Count, ndcg / m, precision / m, recall / m, map / m, hitRate / m, mrr / m,
            recommended.Count(b => b) / (double)Math.Max(1, train.Items), listed == 0 ? 0 : novelty / listed);
    }
}
