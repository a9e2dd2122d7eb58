using ShopLens.Core.Store;

namespace ShopLens.Insight.Segments;

/// <summary>Writes a segmentation's members (<see cref="Segmentation.MembersSql"/>) to a file, by the store's own COPY.</summary>
public static class SegmentExport
{
    /// <summary>Writes CSV (with a header), Parquet or JSON lines, by extension; returns the number of members written.</summary>
    public static long Write(IShopStore store, Segmentation segmentation, string path)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(segmentation);
        var format = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => "FORMAT csv, HEADER",
            ".parquet" => "FORMAT parquet",
            ".jsonl" => "FORMAT json",
            _ => throw new ArgumentException($"{path}: segments are written as .csv, .parquet or .jsonl"),
        };
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full);
        if (dir is not null && !Directory.Exists(dir)) throw new IOException($"{path}: folder {dir} does not exist");
        return store.Execute($"COPY ({segmentation.MembersSql}) TO {SqlText.Quote(full)} ({format})");
    }
}
