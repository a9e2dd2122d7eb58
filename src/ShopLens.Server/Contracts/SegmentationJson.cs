using ShopLens.Insight.Segments;

namespace ShopLens.Server.Contracts;

/// <summary>Segments as JSON, the same for <c>shoplens segment --json</c> and <c>GET /v1/segments</c>.</summary>
public static class SegmentationJson
{
    public static object Clusters(ClusterSegmentationResult r) => new
    {
        features = r.Features,
        k = r.Clusters.Count,
        choices = r.Choices.Select(c => new { k = c.Clusters, silhouette = Round(c.Silhouette), inertia = Math.Round(c.Inertia, 3), iterations = c.Iterations }),
        clusters = r.Clusters.Select(c => new
        {
            name = c.Name,
            description = c.Description,
            customers = c.Customers,
            share = Math.Round(c.Share, 4),
            centroid = c.Centroid.ToDictionary(kv => kv.Key, kv => Round(kv.Value)),
            traits = c.Traits.Select(t => new { column = t.Column, z = Math.Round(t.Z, 3), mean = Round(t.Mean), overall_mean = Round(t.OverallMean) }),
        }),
    };

    public static object Of(Segmentation result, string? outFile = null, ClusterSegmentationResult? clustered = null) => new
    {
        method = result.Method,
        as_of = result.AsOf,
        customers = result.Customers,
        out_file = outFile,
        segments = result.Segments.Select(s => new
        {
            name = s.Name,
            rule = s.Rule,
            customers = s.Customers,
            share = Math.Round(s.Share, 4),
            revenue = Math.Round(s.Revenue, 2),
            revenue_share = Math.Round(s.RevenueShare, 4),
            buyers = s.Buyers,
            mean_r = Round(s.MeanR),
            mean_f = Round(s.MeanF),
            mean_m = Round(s.MeanM),
            mean_recency_days = Round(s.MeanRecencyDays),
            mean_frequency = Round(s.MeanFrequency),
            mean_monetary = Round(s.MeanMonetary),
        }),
        kmeans = clustered is null ? null : Clusters(clustered),
    };

    static double? Round(double? value) => value is null ? null : Math.Round(value.Value, 2);
}
