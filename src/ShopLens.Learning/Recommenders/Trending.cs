namespace ShopLens.Learning.Recommenders;

/// <summary>
/// The other baseline: what is popular now. Each act counts 0.5^(age / half-life), so an item's score is its recent
/// interest and last season's hits fade; the same list for every user.
/// </summary>
public sealed class Trending : IRecommender
{
    internal const string Magic = "SLRECTRD";
    const int FormatVersion = 1;
    const string Label = "trending";

    readonly float[] _interest;

    Trending(float[] interest) => _interest = interest;

    public string Name => "trending";

    public int Items => _interest.Length;

    /// <summary>
    /// Sums the decayed acts: <paramref name="item"/>[k] was acted on <paramref name="ageDays"/>[k] days before the end
    /// of the data.
    /// </summary>
    /// <exception cref="LearnerInputException">lengths differ, an item out of range or an age that is negative or not finite</exception>
    public static Trending Fit(int items, ReadOnlySpan<int> item, ReadOnlySpan<double> ageDays, double halfLifeDays)
    {
        if (!(halfLifeDays > 0) || double.IsInfinity(halfLifeDays)) throw new ArgumentException($"the half-life must be a finite number of days > 0 (got {halfLifeDays})");
        if (item.Length != ageDays.Length) throw new LearnerInputException($"{item.Length} items but {ageDays.Length} ages");
        var interest = new double[items];
        for (var k = 0; k < item.Length; k++)
        {
            if ((uint)item[k] >= (uint)items) throw new LearnerInputException($"act {k}: item {item[k]} is outside 0 … {items - 1}");
            if (!(ageDays[k] >= 0) || double.IsInfinity(ageDays[k])) throw new LearnerInputException($"act {k}: age {ageDays[k]} days is not a finite number ≥ 0");
            interest[item[k]] += Math.Pow(0.5, ageDays[k] / halfLifeDays);
        }
        return new Trending([.. interest.Select(v => (float)v)]);
    }

    public void Score(int user, ReadOnlySpan<int> historyItems, ReadOnlySpan<float> historyWeights, Span<float> scores)
    {
        if (scores.Length != Items) throw new ArgumentException($"scores need {Items} entries, not {scores.Length}", nameof(scores));
        _interest.CopyTo(scores);
    }

    /// <summary>Writes the item count and each item's decayed interest.</summary>
    public void Save(Stream stream) => ItemScoreFile.Write(stream, Magic, FormatVersion, _interest);

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">another header, a newer format, a bad value or a file cut short</exception>
    public static Trending Load(Stream stream) => RecommenderFile.Load(stream, Magic, Label, Read);

    /// <summary>The rest of the file after its header.</summary>
    internal static Trending Read(BinaryReader r) => new(ItemScoreFile.Read(r, FormatVersion, Label, "interest"));
}
