namespace ShopLens.Learning.Clustering;

/// <summary>
/// k-means: k-means++ seeding, then Lloyd's iterations with Hamerly's bounds, as scikit-learn's <c>KMeans</c>
/// (<see cref="KMeansOptions"/>). Rows are points in row-major arrays (float32 or float64, computed in float64);
/// standardise them first when the columns have different units (<see cref="Standardizer"/>).
/// </summary>
public sealed class KMeansTrainer(KMeansOptions options)
{
    readonly KMeansOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Clusters the rows of <paramref name="data"/> (<c>rows × columns</c>, row-major, finite values).</summary>
    /// <exception cref="ArgumentException">a bad shape, a non-finite value or an option out of range</exception>
    public KMeansModel Fit(double[] data, int columns, CancellationToken ct = default) =>
        Fit(Points.Checked(data, columns, nameof(data)), ct);

    /// <inheritdoc cref="Fit(double[], int, CancellationToken)"/>
    public KMeansModel Fit(float[] data, int columns, CancellationToken ct = default) =>
        Fit(Points.Checked(data, columns, nameof(data)), ct);

    KMeansModel Fit(Points x, CancellationToken ct)
    {
        _options.Validate(x.Rows);
        var k = _options.Clusters;
        var trials = _options.SeedingTrials > 0 ? _options.SeedingTrials : KMeansPlusPlus.DefaultTrials(k);
        var tolerance = _options.Tolerance * MeanColumnVariance(x);
        var rng = new Random(_options.Seed);
        KMeansRun best = default;
        for (var start = 0; start < _options.Restarts; start++)
        {
            var seeds = KMeansPlusPlus.Seed(x, k, trials, rng, _options.Threads, ct);
            var run = Lloyd.Run(x, seeds, _options.MaxIterations, tolerance, _options.Threads, bounded: true, ct);
            if (start == 0 || run.Inertia < best.Inertia) best = run;
        }
        return new KMeansModel(best.Centres, x.Width, best.Labels, best.Inertia, best.Iterations);
    }

    /// <summary>scikit-learn's tolerance scale: the mean over columns of their (population) variance.</summary>
    static double MeanColumnVariance(Points x)
    {
        var total = 0.0;
        for (var j = 0; j < x.Width; j++)
        {
            var mean = 0.0;
            for (var i = 0; i < x.Rows; i++) mean += x.Values[i * x.Width + j];
            mean /= x.Rows;
            var squares = 0.0;
            for (var i = 0; i < x.Rows; i++)
            {
                var t = x.Values[i * x.Width + j] - mean;
                squares += t * t;
            }
            total += squares / x.Rows;
        }
        return total / x.Width;
    }
}
