using System.Globalization;

namespace ShopLens.Insight.Segments;

/// <summary>A named RFM segment: a block of the grid of recency score R (1–5) by frequency-monetary score FM (1–5).</summary>
public sealed record RfmSegment(string Name, int MinR, int MaxR, int MinFm, int MaxFm)
{
    /// <summary>The block in words, e.g. <c>R 4-5 and FM 4-5</c>.</summary>
    public string Rule => $"R {Range(MinR, MaxR)} and FM {Range(MinFm, MaxFm)}";

    static string Range(int low, int high) => low == high ? low.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{low}-{high}");
}
