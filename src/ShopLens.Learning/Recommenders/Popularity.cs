namespace ShopLens.Learning.Recommenders;

/// <summary>The baseline every recommender must beat: each item scored by how many users have it in training.</summary>
public sealed class Popularity : IRecommender
{
    readonly float[] _users;

    public Popularity(Interactions train)
    {
        ArgumentNullException.ThrowIfNull(train);
        _users = new float[train.Items];
        foreach (var i in train.Columns) _users[i]++;
    }

    public string Name => "popularity";

    public int Items => _users.Length;

    public void Score(int user, ReadOnlySpan<int> historyItems, ReadOnlySpan<float> historyWeights, Span<float> scores) => _users.CopyTo(scores);
}
