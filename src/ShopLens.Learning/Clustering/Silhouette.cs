namespace ShopLens.Learning.Clustering;

/// <summary>
/// The silhouette coefficient (Rousseeuw 1987) with Euclidean distances, as scikit-learn's <c>silhouette_score</c>:
/// for each row, a = mean distance to the other rows of its cluster, b = the lowest mean distance to the rows of
/// another cluster, s = (b − a) / max(a, b), and 0 for a row alone in its cluster; the score is the mean s.
/// Exact, or on a seeded random sample of rows (scikit-learn's <c>sample_size</c>) for large inputs.
/// </summary>
public static class Silhouette
{
    /// <summary>Rows per parallel task: each row costs a pass over the whole sample, so small tasks balance the threads.</summary>
    const int RowsPerTask = 64;

    /// <summary>The silhouette of one labelling of the rows of <paramref name="data"/> (row-major, <paramref name="columns"/> wide).</summary>
    /// <exception cref="ArgumentException">a bad shape, a non-finite value, a label count that is not the row count, or fewer than 2 or more than rows − 1 clusters</exception>
    public static double Score(double[] data, int columns, IReadOnlyList<int> labels, int sampleSize = int.MaxValue, int seed = 1)
    {
        var score = Scores(data, columns, [labels], sampleSize, seed)[0];
        if (double.IsNaN(score))
            throw new ArgumentException($"the silhouette needs 2 to {Math.Min(labels.Count, sampleSize) - 1} clusters among {Math.Min(labels.Count, sampleSize)} rows; the labels have {labels.Distinct().Count()}");
        return score;
    }

    /// <summary>
    /// The silhouettes of several labellings of the same rows, each pair distance computed once; with more rows than
    /// <paramref name="sampleSize"/>, all of them on the same random sample of that many rows drawn with <paramref name="seed"/>.
    /// A labelling with fewer than 2 or more than rows − 1 clusters among the rows (or the sample) has no silhouette: NaN.
    /// </summary>
    public static double[] Scores(double[] data, int columns, IReadOnlyList<IReadOnlyList<int>> labellings, int sampleSize = int.MaxValue, int seed = 1)
    {
        var x = Points.Checked(data, columns, nameof(data));
        ArgumentNullException.ThrowIfNull(labellings);
        if (sampleSize < 2) throw new ArgumentException($"the sample needs at least 2 rows (sampleSize = {sampleSize})");
        var rows = Sample(x.Rows, sampleSize, seed);
        var m = rows.Length;
        var labels = new int[labellings.Count][];
        var sizes = new int[labellings.Count][];
        for (var l = 0; l < labellings.Count; l++)
        {
            if (labellings[l].Count != x.Rows) throw new ArgumentException($"labelling {l} has {labellings[l].Count} labels for {x.Rows} rows");
            (labels[l], sizes[l]) = Dense(labellings[l], rows);
        }
        bool Defined(int l) => sizes[l].Length >= 2 && sizes[l].Length <= m - 1;

        // slot: (m, L) where each row's distance goes in each labelling's per-cluster sums, so the inner loop reads it in order.
        var offsets = new int[labellings.Count + 1];
        for (var l = 0; l < labellings.Count; l++) offsets[l + 1] = offsets[l] + sizes[l].Length;
        var slot = new int[m * labels.Length];
        for (var j = 0; j < m; j++)
        for (var l = 0; l < labels.Length; l++)
            slot[j * labels.Length + l] = offsets[l] + labels[l][j];
        // s: (L, m) per labelling and row, so that the means add up in row order whatever the threads.
        var s = new double[labellings.Count * m];
        var sample = new Points(rows.SelectMany(r => x.Values.Skip(r * columns).Take(columns)).ToArray(), columns);
        Parallel.For(0, (m + RowsPerTask - 1) / RowsPerTask, task =>
        {
            var sums = new double[offsets[^1]];
            var count = labels.Length;
            for (var i = task * RowsPerTask; i < Math.Min(m, (task + 1) * RowsPerTask); i++)
            {
                Array.Clear(sums);
                var row = sample.Row(i);
                var slots = slot.AsSpan();
                for (var j = 0; j < m; j++)
                {
                    var distance = Math.Sqrt(SquaredDistance.Between(row, sample.Row(j)));
                    foreach (var k in slots.Slice(j * count, count)) sums[k] += distance;
                }
                for (var l = 0; l < count; l++) s[l * m + i] = Coefficient(sums.AsSpan(offsets[l], sizes[l].Length), sizes[l], labels[l][i]);
            }
        });
        var scores = new double[labellings.Count];
        for (var l = 0; l < scores.Length; l++)
        {
            if (!Defined(l))
            {
                scores[l] = double.NaN;
                continue;
            }
            var total = 0.0;
            for (var i = 0; i < m; i++) total += s[l * m + i];
            scores[l] = total / m;
        }
        return scores;
    }

    static double Coefficient(ReadOnlySpan<double> distanceSums, int[] sizes, int own)
    {
        if (sizes[own] == 1) return 0;
        var a = distanceSums[own] / (sizes[own] - 1);
        var b = double.PositiveInfinity;
        for (var c = 0; c < sizes.Length; c++)
            if (c != own) b = Math.Min(b, distanceSums[c] / sizes[c]);
        var scale = Math.Max(a, b);
        return scale > 0 ? (b - a) / scale : 0;
    }

    /// <summary>Every row when there are at most <paramref name="sampleSize"/>, else a seeded random sample of that many (a partial Fisher–Yates shuffle).</summary>
    static int[] Sample(int rows, int sampleSize, int seed)
    {
        var order = Enumerable.Range(0, rows).ToArray();
        if (rows <= sampleSize) return order;
        var rng = new Random(seed);
        for (var i = 0; i < sampleSize; i++)
        {
            var j = rng.Next(i, rows);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order[..sampleSize];
    }

    /// <summary>The labels of the sampled rows renumbered 0..c−1 in order of appearance, and each cluster's size.</summary>
    static (int[] Labels, int[] Sizes) Dense(IReadOnlyList<int> labels, int[] rows)
    {
        var ids = new Dictionary<int, int>();
        var dense = new int[rows.Length];
        var sizes = new List<int>();
        for (var i = 0; i < rows.Length; i++)
        {
            if (!ids.TryGetValue(labels[rows[i]], out var id))
            {
                ids.Add(labels[rows[i]], id = ids.Count);
                sizes.Add(0);
            }
            dense[i] = id;
            sizes[id]++;
        }
        return (dense, [.. sizes]);
    }
}
