namespace ShopLens.Insight.Segments;

/// <summary>One cluster of a <see cref="ClusterSegmentationResult"/>.</summary>
public sealed record ClusterSummary
{
    /// <summary><c>cluster 1</c>, <c>cluster 2</c>, … by size, largest first.</summary>
    public required string Name { get; init; }

    /// <summary>Its most distinctive traits in words ("frequent buyers, cart readily, pay full price").</summary>
    public required string Description { get; init; }

    public required int Customers { get; init; }

    /// <summary>Customers of the cluster over all clustered customers, 0..1.</summary>
    public required double Share { get; init; }

    /// <summary>
    /// The k-means centroid in each feature's units (for log-scaled features, the mean on the log scale mapped back);
    /// null for a feature no customer has (an orders-only store has no views), which plays no part in the clustering.
    /// </summary>
    public required IReadOnlyDictionary<string, double?> Centroid { get; init; }

    /// <summary>Every described column, most distinctive (largest |z|) first.</summary>
    public required IReadOnlyList<ClusterTrait> Traits { get; init; }
}
