namespace ShopLens.Learning.Clustering;

/// <summary>What one k-means start ended with. Centres: (k,d) row-major; labels: (n).</summary>
readonly record struct KMeansRun(double[] Centres, int[] Labels, double Inertia, int Iterations);

/// <summary>
/// Lloyd's iterations from given centres, with scikit-learn's semantics: each iteration assigns every row to its
/// nearest centre and moves each centre to the mean of its rows; an empty cluster takes the row farthest from its
/// centre; a start ends when no label changes or the centres' squared moves sum to at most the tolerance, and then the
/// labels are brought up to date with the final centres.
/// <para>
/// <c>bounded</c> skips distance computations with Hamerly's bounds (Hamerly 2010, "Making k-means even faster"): an
/// upper bound on the distance to the own centre and a lower bound on the distance to every other, widened by how far
/// the centres moved; a row whose upper bound is below both its lower bound and half the gap from its centre to the
/// nearest other centre keeps its label. The labels are the plain algorithm's (<c>bounded: false</c>) except for exact
/// ties, which keep the current label.
/// </para>
/// </summary>
sealed class Lloyd
{
    readonly Points _x;
    readonly int _n, _d, _k, _threads;
    readonly bool _bounded;
    readonly CancellationToken _ct;
    readonly int[] _labels;
    readonly double[] _upper, _lower;
    readonly double[] _halfGap, _moves;
    readonly double[] _chunkSums;
    readonly long[] _chunkCounts;
    readonly int[] _chunkChanges;
    double[] _centres;
    double[] _byColumn;
    int _fastestMover;
    double _largestMove, _secondMove;

    Lloyd(Points x, double[] centres, int threads, bool bounded, CancellationToken ct)
    {
        (_x, _n, _d, _k, _threads, _bounded, _ct) = (x, x.Rows, x.Width, centres.Length / x.Width, threads, bounded, ct);
        _centres = centres;
        _byColumn = CentreDistances.ByColumn(centres, _k, _d);
        _labels = new int[_n];
        _upper = new double[_n];
        _lower = new double[_n];
        _halfGap = new double[_k];
        _moves = new double[_k];
        var chunks = RowChunks.Count(_n);
        _chunkSums = new double[chunks * _k * _d];
        _chunkCounts = new long[chunks * _k];
        _chunkChanges = new int[chunks];
    }

    /// <summary>Runs one start; <paramref name="centres"/> (k,d) is the seeding and is not changed.</summary>
    public static KMeansRun Run(Points x, double[] centres, int maxIterations, double tolerance, int threads, bool bounded, CancellationToken ct)
    {
        var lloyd = new Lloyd(x, (double[])centres.Clone(), threads, bounded, ct);
        return lloyd.Iterate(maxIterations, tolerance);
    }

    KMeansRun Iterate(int maxIterations, double tolerance)
    {
        Assign(everyRow: true);
        var iterations = 0;
        var converged = false;
        while (iterations < maxIterations)
        {
            _ct.ThrowIfCancellationRequested();
            iterations++;
            var changes = iterations == 1 ? _n : Assign(everyRow: !_bounded);
            var shift = MoveCentres();
            if (changes == 0)
            {
                converged = true;
                break;
            }
            if (shift <= tolerance) break;
        }
        if (!converged) Assign(everyRow: !_bounded);
        return new KMeansRun(_centres, _labels, Inertia(), iterations);
    }

    /// <summary>The E-step: labels against the current centres, and each chunk's sums and counts; returns how many labels changed.</summary>
    int Assign(bool everyRow)
    {
        UpdateHalfGaps();
        RowChunks.For(_n, _threads, _ct, (chunk, start, end) =>
        {
            var sums = _chunkSums.AsSpan(chunk * _k * _d, _k * _d);
            var counts = _chunkCounts.AsSpan(chunk * _k, _k);
            sums.Clear();
            counts.Clear();
            Span<double> distances = stackalloc double[CentreDistances.Padded(_k)];
            var changes = 0;
            for (var i = start; i < end; i++)
            {
                var before = _labels[i];
                var label = everyRow ? Nearest(i, distances) : NearestBounded(i, distances);
                if (label != before) changes++;
                var row = _x.Row(i);
                var sum = sums.Slice(label * _d, _d);
                for (var j = 0; j < _d; j++) sum[j] += row[j];
                counts[label]++;
            }
            _chunkChanges[chunk] = changes;
        });
        // Bounds now hold for the current centres.
        Array.Clear(_moves);
        (_largestMove, _secondMove, _fastestMover) = (0, 0, -1);
        return _chunkChanges.Sum();
    }

    /// <summary>Full scan over the centres; sets exact bounds.</summary>
    int Nearest(int i, Span<double> distances)
    {
        CentreDistances.Vectorized(_x.Row(i), _byColumn, distances);
        double best = double.PositiveInfinity, second = double.PositiveInfinity;
        var label = 0;
        for (var c = 0; c < _k; c++)
        {
            var dist = distances[c];
            if (dist < best) (second, best, label) = (best, dist, c);
            else if (dist < second) second = dist;
        }
        _labels[i] = label;
        _upper[i] = Math.Sqrt(best);
        _lower[i] = Math.Sqrt(second);
        return label;
    }

    int NearestBounded(int i, Span<double> distances)
    {
        var label = _labels[i];
        var upper = _upper[i] + _moves[label];
        var lower = _lower[i] - (label == _fastestMover ? _secondMove : _largestMove);
        var bound = Math.Max(_halfGap[label], lower);
        if (upper > bound)
        {
            upper = Math.Sqrt(SquaredDistance.Between(_x.Row(i), _centres.AsSpan(label * _d, _d)));
            if (upper > bound) return Nearest(i, distances);
        }
        _upper[i] = upper;
        _lower[i] = lower;
        return label;
    }

    /// <summary>Half the distance from each centre to its nearest other centre: closer than that, a row cannot change label.</summary>
    void UpdateHalfGaps()
    {
        Array.Fill(_halfGap, double.PositiveInfinity);
        for (var a = 0; a < _k; a++)
        for (var b = a + 1; b < _k; b++)
        {
            var half = 0.5 * Math.Sqrt(SquaredDistance.Between(_centres.AsSpan(a * _d, _d), _centres.AsSpan(b * _d, _d)));
            _halfGap[a] = Math.Min(_halfGap[a], half);
            _halfGap[b] = Math.Min(_halfGap[b], half);
        }
    }

    /// <summary>The M-step: centres to the means of their rows (empty ones relocated); returns the sum of squared moves.</summary>
    double MoveCentres()
    {
        var sums = new double[_k * _d];
        var counts = new long[_k];
        for (var chunk = 0; chunk < _chunkChanges.Length; chunk++)
        {
            var chunkSums = _chunkSums.AsSpan(chunk * _k * _d, _k * _d);
            for (var j = 0; j < sums.Length; j++) sums[j] += chunkSums[j];
            for (var c = 0; c < _k; c++) counts[c] += _chunkCounts[chunk * _k + c];
        }
        RelocateEmpty(sums, counts);

        var shift = 0.0;
        var next = new double[_k * _d];
        for (var c = 0; c < _k; c++)
        {
            var centre = next.AsSpan(c * _d, _d);
            if (counts[c] == 0) _centres.AsSpan(c * _d, _d).CopyTo(centre);
            else
                for (var j = 0; j < _d; j++) centre[j] = sums[c * _d + j] / counts[c];
            var squared = SquaredDistance.Between(centre, _centres.AsSpan(c * _d, _d));
            shift += squared;
            _moves[c] = Math.Sqrt(squared);
            if (_moves[c] > _largestMove) (_secondMove, _largestMove, _fastestMover) = (_largestMove, _moves[c], c);
            else if (_moves[c] > _secondMove) _secondMove = _moves[c];
        }
        _centres = next;
        _byColumn = CentreDistances.ByColumn(next, _k, _d);
        return shift;
    }

    /// <summary>
    /// Each empty cluster takes one of the rows farthest from their centres, farthest first, as scikit-learn's
    /// <c>_relocate_empty_clusters_dense</c>: the row moves into the empty cluster's sum and out of its own (its label is
    /// brought up to date by the next assignment).
    /// </summary>
    void RelocateEmpty(double[] sums, long[] counts)
    {
        var empty = Enumerable.Range(0, _k).Where(c => counts[c] == 0).ToArray();
        if (empty.Length == 0) return;
        var distance = new double[_n];
        for (var i = 0; i < _n; i++) distance[i] = SquaredDistance.Between(_x.Row(i), _centres.AsSpan(_labels[i] * _d, _d));
        var farthest = Enumerable.Range(0, _n).OrderByDescending(i => distance[i]).ThenBy(i => i).Take(empty.Length).ToArray();
        for (var e = 0; e < farthest.Length; e++)
        {
            var row = _x.Row(farthest[e]);
            var own = _labels[farthest[e]];
            for (var j = 0; j < _d; j++)
            {
                sums[own * _d + j] -= row[j];
                sums[empty[e] * _d + j] = row[j];
            }
            counts[own]--;
            counts[empty[e]] = 1;
        }
    }

    double Inertia()
    {
        var partial = new double[_chunkChanges.Length];
        RowChunks.For(_n, _threads, _ct, (chunk, start, end) =>
        {
            var sum = 0.0;
            for (var i = start; i < end; i++) sum += SquaredDistance.Between(_x.Row(i), _centres.AsSpan(_labels[i] * _d, _d));
            partial[chunk] = sum;
        });
        return partial.Sum();
    }
}
