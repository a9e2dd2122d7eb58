namespace ShopLens.Insight.Segments;

/// <summary>A named segment and the rule that puts a customer in it: in words, or the condition the user wrote.</summary>
public sealed record SegmentDefinition(string Name, string Rule);
