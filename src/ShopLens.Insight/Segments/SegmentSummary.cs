namespace ShopLens.Insight.Segments;

/// <summary>
/// One segment of a <see cref="Segmentation"/>: its size and revenue, and the mean recency, frequency and monetary
/// value (and their 1–5 scores) of its members with kept orders. Means are null for a segment without buyers.
/// </summary>
public sealed record SegmentSummary
{
    public required string Name { get; init; }

    /// <summary>What puts a customer in the segment (empty when the method does not say).</summary>
    public required string Rule { get; init; }

    public long Customers { get; init; }

    /// <summary>Customers of the segment over customers of the segmentation, 0..1.</summary>
    public double Share { get; init; }

    /// <summary>Kept revenue of the segment's members before the cut-off.</summary>
    public double Revenue { get; init; }

    /// <summary>Revenue of the segment over revenue of the segmentation, 0..1 (0 when there is none).</summary>
    public double RevenueShare { get; init; }

    /// <summary>Members with at least one kept order: the ones the means below are over.</summary>
    public long Buyers { get; init; }

    public double? MeanR { get; init; }
    public double? MeanF { get; init; }
    public double? MeanM { get; init; }
    public double? MeanRecencyDays { get; init; }
    public double? MeanFrequency { get; init; }
    public double? MeanMonetary { get; init; }
}
