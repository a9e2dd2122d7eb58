namespace ShopLens.Learning.Clustering;

/// <summary>
/// Options of <see cref="KMeansTrainer"/>: k-means++ seeding and Lloyd iterations, with scikit-learn's defaults and
/// stopping rule (<c>KMeans(n_clusters=8, n_init=1, max_iter=300, tol=1e-4)</c>).
/// </summary>
public sealed record KMeansOptions
{
    /// <summary>Number of clusters k, at least 1 and at most the number of rows (default 8).</summary>
    public int Clusters { get; init; } = 8;

    /// <summary>Independent k-means++ starts; the one with the lowest inertia is kept (default 1).</summary>
    public int Restarts { get; init; } = 1;

    /// <summary>Most Lloyd iterations per start (default 300).</summary>
    public int MaxIterations { get; init; } = 300;

    /// <summary>
    /// A start stops when the centroids' squared moves in one iteration sum to at most this times the mean variance of
    /// the columns, or when no label changes (default 1e-4, as scikit-learn).
    /// </summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>
    /// Candidates drawn for each new k-means++ centre, the one that lowers the potential most is kept (Arthur and
    /// Vassilvitskii 2007, greedy variant); 0 means scikit-learn's 2 + ⌊ln k⌋ (default 0).
    /// </summary>
    public int SeedingTrials { get; init; }

    /// <summary>Threads for the distance passes; results are the same for any number (default: the processor count).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Every random choice follows it: same seed and data ⇒ same model (default 1).</summary>
    public int Seed { get; init; } = 1;

    internal void Validate(int rows)
    {
        if (Clusters < 1) throw new ArgumentException($"k-means needs at least one cluster (Clusters = {Clusters})");
        if (Clusters > rows) throw new ArgumentException($"k-means cannot make {Clusters} clusters of {rows} rows");
        if (Restarts < 1) throw new ArgumentException($"Restarts must be at least 1 (got {Restarts})");
        if (MaxIterations < 1) throw new ArgumentException($"MaxIterations must be at least 1 (got {MaxIterations})");
        if (!(Tolerance >= 0) || double.IsInfinity(Tolerance)) throw new ArgumentException($"Tolerance must be a finite number ≥ 0 (got {Tolerance})");
        if (SeedingTrials < 0) throw new ArgumentException($"SeedingTrials must be ≥ 0 (got {SeedingTrials})");
        if (Threads < 1) throw new ArgumentException($"Threads must be at least 1 (got {Threads})");
    }
}
