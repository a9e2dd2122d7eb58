using ShopLens.Core.Store;

namespace ShopLens.Insight.Segments;

/// <summary>Writes a segmentation's members (<see cref="Segmentation.MembersSql"/>) to a file, through <see cref="QueryExport"/>.</summary>
public static class SegmentExport
{
    /// <summary>Writes CSV (with a header), Parquet or JSON lines, by extension; returns the number of members written.</summary>
    public static long Write(IShopStore store, Segmentation segmentation, string path)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(segmentation);
        return QueryExport.Write(store, segmentation.MembersSql, path);
    }
}
