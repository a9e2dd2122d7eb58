namespace ShopLens.Insight.Segments;

/// <summary>What <see cref="ClusterSegmentation"/> found: the k chosen, every k's silhouette, the clusters and each customer's cluster.</summary>
public sealed record ClusterSegmentationResult
{
    public required IReadOnlyList<string> Features { get; init; }

    public DateTime? AsOf { get; init; }

    /// <summary>Every k tried, in order; the chosen one has the highest silhouette.</summary>
    public required IReadOnlyList<ClusterChoice> Choices { get; init; }

    /// <summary>The clusters, largest first; empty when the profile is.</summary>
    public required IReadOnlyList<ClusterSummary> Clusters { get; init; }

    /// <summary>The clustered customers (every profiled one), by <c>customer_key</c>.</summary>
    public required IReadOnlyList<int> CustomerKeys { get; init; }

    public required IReadOnlyList<string> CustomerIds { get; init; }

    /// <summary>Each customer's cluster: an index into <see cref="Clusters"/>.</summary>
    public required IReadOnlyList<int> Labels { get; init; }

    /// <summary>Each customer's cluster name, for <see cref="SavedSegments.Save"/>.</summary>
    public IReadOnlyList<string> SegmentOfEach => [.. Labels.Select(l => Clusters[l].Name)];
}
