namespace ShopLens.Core.Import;

/// <summary>Progress of an import: the file, rows read so far, and bytes read of the total when known.</summary>
public readonly record struct ImportProgress(string File, long Rows, long Bytes, long? TotalBytes);
