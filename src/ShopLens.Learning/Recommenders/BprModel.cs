using System.Numerics.Tensors;

namespace ShopLens.Learning.Recommenders;

/// <summary>
/// A fitted BPR model (<see cref="BprTrainer"/>): a score is the item's bias plus the dot product of the user's factor
/// and the item's. A user not seen in training stands for the mean of their history items' factors, since BPR has no
/// closed-form fold-in; with no history only the biases (popularity) rank the items.
/// </summary>
public sealed class BprModel : IRecommender
{
    internal const string Magic = "SLRECBPR";
    const int FormatVersion = 1;
    const string Label = "BPR";

    readonly float[] _userFactors, _itemFactors, _itemBiases;

    internal BprModel(int factors, float[] userFactors, float[] itemFactors, float[] itemBiases) =>
        (Factors, _userFactors, _itemFactors, _itemBiases) = (factors, userFactors, itemFactors, itemBiases);

    public string Name => "bpr";

    public int Users => _userFactors.Length / Factors;

    public int Items => _itemBiases.Length;

    /// <summary>Length of each factor.</summary>
    public int Factors { get; }

    /// <summary>User factors, row-major (<c>Users × Factors</c>).</summary>
    public ReadOnlySpan<float> UserFactors => _userFactors;

    /// <summary>Item factors, row-major (<c>Items × Factors</c>).</summary>
    public ReadOnlySpan<float> ItemFactors => _itemFactors;

    public ReadOnlySpan<float> ItemBiases => _itemBiases;

    /// <inheritdoc/>
    /// <remarks>A known user's history is not read; a new user's weights are not either, only which items it holds.</remarks>
    public void Score(int user, ReadOnlySpan<int> historyItems, ReadOnlySpan<float> historyWeights, Span<float> scores)
    {
        ScoreArguments.Check(Users, Items, user, historyItems, historyWeights, scores);
        var f = Factors;
        ReadOnlySpan<float> x;
        if (user >= 0) x = _userFactors.AsSpan(user * f, f);
        else
        {
            var mean = new float[f];
            foreach (var i in historyItems) TensorPrimitives.Add(mean, _itemFactors.AsSpan(i * f, f), mean);
            if (!historyItems.IsEmpty) TensorPrimitives.Divide(mean, historyItems.Length, mean);
            x = mean;
        }
        for (var i = 0; i < Items; i++) scores[i] = _itemBiases[i] + TensorPrimitives.Dot(x, _itemFactors.AsSpan(i * f, f));
    }

    /// <summary>Writes the shape, the user and item factors and the item biases.</summary>
    public void Save(Stream stream)
    {
        using var w = RecommenderFile.Writer(stream, Magic, FormatVersion);
        w.Write(Factors);
        w.Write(Users);
        w.Write(Items);
        RecommenderFile.Write(w, _userFactors);
        RecommenderFile.Write(w, _itemFactors);
        RecommenderFile.Write(w, _itemBiases);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">another header, a newer format, a value that is not finite or a file cut short</exception>
    public static BprModel Load(Stream stream) => RecommenderFile.Load(stream, Magic, Label, Read);

    /// <summary>The rest of the file after its header.</summary>
    internal static BprModel Read(BinaryReader r) => RecommenderFile.Body(r, FormatVersion, Label, () =>
    {
        var factors = RecommenderFile.ReadCount(r, Label, "factors", least: 1);
        var users = RecommenderFile.ReadCount(r, Label, "users");
        var items = RecommenderFile.ReadCount(r, Label, "items");
        var userFactors = RecommenderFile.ReadFloats(r, users, factors, Label, "user factor entry");
        var itemFactors = RecommenderFile.ReadFloats(r, items, factors, Label, "item factor entry");
        return new BprModel(factors, userFactors, itemFactors, RecommenderFile.ReadFloats(r, items, 1, Label, "item bias"));
    });
}
