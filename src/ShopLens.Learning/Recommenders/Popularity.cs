namespace ShopLens.Learning.Recommenders;

/// <summary>The baseline every recommender must beat: each item scored by how many users have it in training.</summary>
public sealed class Popularity : IRecommender
{
    internal const string Magic = "SLRECPOP";
    const int FormatVersion = 1;
    const string Label = "popularity";

    readonly float[] _users;

    public Popularity(Interactions train)
    {
        ArgumentNullException.ThrowIfNull(train);
        _users = new float[train.Items];
        foreach (var i in train.Columns) _users[i]++;
    }

    Popularity(float[] users) => _users = users;

    public string Name => "popularity";

    public int Items => _users.Length;

    public void Score(int user, ReadOnlySpan<int> historyItems, ReadOnlySpan<float> historyWeights, Span<float> scores)
    {
        if (scores.Length != Items) throw new ArgumentException($"scores need {Items} entries, not {scores.Length}", nameof(scores));
        _users.CopyTo(scores);
    }

    /// <summary>Writes the item count and each item's user count.</summary>
    public void Save(Stream stream) => ItemScoreFile.Write(stream, Magic, FormatVersion, _users);

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">another header, a newer format, a bad count or a file cut short</exception>
    public static Popularity Load(Stream stream) => RecommenderFile.Load(stream, Magic, Label, Read);

    /// <summary>The rest of the file after its header.</summary>
    internal static Popularity Read(BinaryReader r) => new(ItemScoreFile.Read(r, FormatVersion, Label, "user count"));
}
