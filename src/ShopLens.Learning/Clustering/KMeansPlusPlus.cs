namespace ShopLens.Learning.Clustering;

/// <summary>
/// k-means++ seeding (Arthur and Vassilvitskii 2007) in its greedy form, as scikit-learn's <c>_kmeans_plusplus</c>:
/// the first centre is a uniformly drawn row; each next one is the best of <c>trials</c> rows drawn with probability
/// proportional to their squared distance to the nearest centre so far, "best" meaning the lowest potential (sum of
/// squared distances to the nearest centre) once it is added.
/// </summary>
static class KMeansPlusPlus
{
    /// <summary>scikit-learn's number of candidates per centre: 2 + ⌊ln k⌋.</summary>
    public static int DefaultTrials(int clusters) => 2 + (int)Math.Log(clusters);

    // x: (n,d)  returns centres: (k,d)
    public static double[] Seed(Points x, int clusters, int trials, Random rng, int threads, CancellationToken ct)
    {
        int n = x.Rows, d = x.Width;
        var centres = new double[clusters * d];
        x.Row(rng.Next(n)).CopyTo(centres.AsSpan(0, d));
        var closest = new double[n];
        var partial = new double[RowChunks.Count(n) * trials];
        RowChunks.For(n, threads, ct, (chunk, start, end) =>
        {
            var centre = centres.AsSpan(0, d);
            var sum = 0.0;
            for (var i = start; i < end; i++) sum += closest[i] = SquaredDistance.Between(x.Row(i), centre);
            partial[chunk * trials] = sum;
        });
        var potential = SumInChunkOrder(partial, trials, 0);

        var cumulative = new double[n];
        var candidates = new int[trials];
        var toCandidates = new double[trials * n];
        for (var c = 1; c < clusters; c++)
        {
            var running = 0.0;
            for (var i = 0; i < n; i++) cumulative[i] = running += closest[i];
            for (var t = 0; t < trials; t++)
                candidates[t] = Math.Min(n - 1, FirstAtLeast(cumulative, rng.NextDouble() * potential));

            var candidateRows = new double[trials * d];
            for (var t = 0; t < trials; t++) x.Row(candidates[t]).CopyTo(candidateRows.AsSpan(t * d, d));
            var byColumn = CentreDistances.ByColumn(candidateRows, trials, d);
            RowChunks.For(n, threads, ct, (chunk, start, end) =>
            {
                Span<double> distances = stackalloc double[CentreDistances.Padded(trials)];
                Span<double> sums = stackalloc double[trials];
                ReadOnlySpan<double> columns = byColumn, nearest = closest;
                Span<double> toEach = toCandidates;
                for (var i = start; i < end; i++)
                {
                    CentreDistances.Vectorized(x.Row(i), columns, distances);
                    for (var t = 0; t < sums.Length; t++)
                        sums[t] += toEach[t * n + i] = Math.Min(nearest[i], distances[t]);
                }
                for (var t = 0; t < sums.Length; t++) partial[chunk * sums.Length + t] = sums[t];
            });
            var best = 0;
            var bestPotential = double.PositiveInfinity;
            for (var t = 0; t < trials; t++)
            {
                var p = SumInChunkOrder(partial, trials, t);
                if (p < bestPotential) (best, bestPotential) = (t, p);
            }
            potential = bestPotential;
            toCandidates.AsSpan(best * n, n).CopyTo(closest);
            x.Row(candidates[best]).CopyTo(centres.AsSpan(c * d, d));
        }
        return centres;
    }

    static double SumInChunkOrder(double[] partial, int stride, int offset)
    {
        var sum = 0.0;
        for (var i = offset; i < partial.Length; i += stride) sum += partial[i];
        return sum;
    }

    /// <summary>The first index whose cumulative sum reaches <paramref name="value"/> (numpy's <c>searchsorted</c>, side left); n if none.</summary>
    static int FirstAtLeast(double[] cumulative, double value)
    {
        int lo = 0, hi = cumulative.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (cumulative[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
