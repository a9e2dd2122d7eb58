namespace ShopLens.Insight.Segments;

/// <summary>What one segmentation of the customers found, as saved in the store's <c>segments</c> table.</summary>
public sealed record Segmentation
{
    /// <summary>The method that made it (<c>rfm</c>, <c>rules</c>, …): its rows in the <c>segments</c> table.</summary>
    public required string Method { get; init; }

    public DateTime? AsOf { get; init; }

    /// <summary>Customers placed in a segment.</summary>
    public long Customers { get; init; }

    /// <summary>Every segment of the method, in its own order, including the empty ones it defines.</summary>
    public required IReadOnlyList<SegmentSummary> Segments { get; init; }

    /// <summary>
    /// The members as SQL over the store: one row per customer ordered by <c>customer_id</c>, with <c>customer_id</c>,
    /// <c>segment</c>, then the method's own columns (what <see cref="SegmentExport"/> writes).
    /// </summary>
    public required string MembersSql { get; init; }
}
