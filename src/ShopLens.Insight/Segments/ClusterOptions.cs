namespace ShopLens.Insight.Segments;

/// <summary>Options of <see cref="ClusterSegmentation"/>; every default is documented and <see cref="Seed"/> fixes every random choice.</summary>
public sealed record ClusterOptions
{
    /// <summary>Profile columns to cluster on (default <see cref="ClusterFeatures.Default"/>; any of <see cref="ClusterFeatures.Available"/>).</summary>
    public IReadOnlyList<string> Features { get; init; } = ClusterFeatures.Default;

    /// <summary>Smallest number of clusters tried (default 2).</summary>
    public int MinClusters { get; init; } = 2;

    /// <summary>Largest number of clusters tried (default 10); equal to <see cref="MinClusters"/> for a fixed k.</summary>
    public int MaxClusters { get; init; } = 10;

    /// <summary>k-means++ starts per k; the lowest inertia is kept (default 4).</summary>
    public int Restarts { get; init; } = 4;

    /// <summary>
    /// The silhouette that picks k is exact up to this many customers and computed on a random sample of this many
    /// beyond (scikit-learn's <c>sample_size</c>; default 10,000, about a second on two cores).
    /// </summary>
    public int SilhouetteSampleSize { get; init; } = 10_000;

    /// <summary>Seeds k-means++ and the silhouette sample (default 1).</summary>
    public int Seed { get; init; } = 1;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Features);
        if (Features.Count == 0) throw new ArgumentException("clustering needs at least one feature");
        var unknown = Features.Where(f => !ClusterFeatures.Available.Contains(f)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"not a numeric profile column: {string.Join(", ", unknown)} (choose from {string.Join(", ", ClusterFeatures.Available)})");
        var repeated = Features.GroupBy(f => f).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0) throw new ArgumentException($"feature listed twice: {string.Join(", ", repeated)}");
        if (MinClusters < 2) throw new ArgumentException($"at least 2 clusters (MinClusters = {MinClusters})");
        if (MaxClusters < MinClusters) throw new ArgumentException($"MaxClusters {MaxClusters} is below MinClusters {MinClusters}");
        if (Restarts < 1) throw new ArgumentException($"Restarts must be at least 1 (got {Restarts})");
        if (SilhouetteSampleSize < 100) throw new ArgumentException($"SilhouetteSampleSize must be at least 100 (got {SilhouetteSampleSize})");
    }
}
