using ShopLens.Core.Store;

namespace ShopLens.Insight.Segments;

/// <summary>
/// The eleven named RFM segments as blocks of the recency (R) × frequency-monetary (FM) grid. The blocks tile all
/// 25 cells, so every scored customer is in exactly one. The layout is the widely used R × F map of public RFM
/// notebooks read on the FM axis, as the R/"F&amp;M" table (Guillaume Martin's, reproduced in churned.io's RFM
/// guide) does, with its Hibernating block split by recency into Hibernating (R 2) and Lost (R 1); docs/segments.md.
/// </summary>
public static class RfmGrid
{
    public static readonly IReadOnlyList<RfmSegment> Segments =
    [
        new("Champions", 5, 5, 4, 5),
        new("Loyal", 3, 4, 4, 5),
        new("Potential Loyalist", 4, 5, 2, 3),
        new("New", 5, 5, 1, 1),
        new("Promising", 4, 4, 1, 1),
        new("Need Attention", 3, 3, 3, 3),
        new("About to Sleep", 3, 3, 1, 2),
        new("At Risk", 1, 2, 3, 4),
        new("Can't Lose Them", 1, 2, 5, 5),
        new("Hibernating", 2, 2, 1, 2),
        new("Lost", 1, 1, 1, 2),
    ];

    /// <summary>A SQL <c>CASE</c> naming the segment of the scores in columns <paramref name="r"/> and <paramref name="fm"/>.</summary>
    internal static string CaseSql(string r, string fm) =>
        "CASE " + string.Concat(Segments.Select(s =>
            $"WHEN {r} BETWEEN {s.MinR} AND {s.MaxR} AND {fm} BETWEEN {s.MinFm} AND {s.MaxFm} THEN {SqlLiteral.Text(s.Name)} ")) + "END";
}
