namespace ShopLens.Insight.Segments;

/// <summary>One k tried by <see cref="ClusterSegmentation"/>: its silhouette (null when undefined: fewer than two clusters came out) and inertia.</summary>
public sealed record ClusterChoice(int Clusters, double? Silhouette, double Inertia, int Iterations);
