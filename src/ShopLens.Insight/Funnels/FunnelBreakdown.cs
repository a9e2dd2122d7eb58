namespace ShopLens.Insight.Funnels;

/// <summary>What a funnel is split by: each customer falls in one value, taken from their attempt's first step (docs/funnels.md).</summary>
public enum FunnelBreakdown
{
    /// <summary>No split.</summary>
    None,

    /// <summary>The top level of the category path of the first step's product.</summary>
    Category,

    /// <summary>The first step's event channel, or the customer's channel when the event has none.</summary>
    Channel,

    /// <summary>The customer's saved segment for <see cref="FunnelDefinition.SegmentMethod"/>.</summary>
    Segment,
}
