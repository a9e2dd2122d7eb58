namespace ShopLens.Core.Model;

/// <summary>One field of a canonical table, as it appears in CSV headers, JSON fields and API bodies.</summary>
public sealed record CanonicalColumn(string Name, ColumnKind Kind, bool Required, string Description, string Example);
