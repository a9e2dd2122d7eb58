using ShopLens.Learning.Numerics;

namespace ShopLens.Learning.Recommenders;

/// <summary>
/// EASE (Steck 2019, "Embarrassingly Shallow Autoencoders for Sparse Data"): item-item weights B minimising
/// ‖X − XB‖² + λ‖B‖² with diag(B) = 0, in closed form: P = (XᵀX + λI)⁻¹, B = I − P·diag(1/diag(P)). X is the
/// binary user × item matrix (weights only mark presence); a user's scores are their history's rows of B added up.
/// </summary>
public sealed class Ease : IRecommender
{
    internal const string Magic = "SLRECEAS";
    const int FormatVersion = 1;
    const string Label = "EASE";

    readonly float[] _weights;

    Ease(int items, float[] weights) => (Items, _weights) = (items, weights);

    public string Name => "ease";

    public int Items { get; }

    /// <exception cref="LearnerInputException">no interactions</exception>
    public static Ease Fit(Interactions train, EaseOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (train.Count == 0) throw new LearnerInputException("EASE needs at least one interaction");
        var n = train.Items;
        var gram = new double[n * n];
        for (var u = 0; u < train.Users; u++)
        {
            var items = train.ItemsOf(u);
            foreach (var i in items)
                foreach (var j in items) gram[i * n + j]++;
        }
        for (var i = 0; i < n; i++) gram[i * n + i] += options.L2;
        var p = PositiveDefiniteInverse.Invert(gram, n, options.Threads, ct);
        var b = new float[n * n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = ct }, i =>
        {
            for (var j = 0; j < n; j++) b[i * n + j] = i == j ? 0 : (float)(-p[i * n + j] / p[j * n + j]);
        });
        return new Ease(n, b);
    }

    /// <summary>B[i, j]: how much having item i says about item j.</summary>
    public float Weight(int i, int j) => _weights[i * Items + j];

    public void Score(int user, ReadOnlySpan<int> historyItems, ReadOnlySpan<float> historyWeights, Span<float> scores)
    {
        if (scores.Length != Items) throw new ArgumentException($"scores need {Items} entries, not {scores.Length}", nameof(scores));
        scores.Clear();
        foreach (var i in historyItems) System.Numerics.Tensors.TensorPrimitives.Add(scores, _weights.AsSpan(i * Items, Items), scores);
    }

    /// <summary>Writes the item count and B, row-major.</summary>
    public void Save(Stream stream)
    {
        using var w = RecommenderFile.Writer(stream, Magic, FormatVersion);
        w.Write(Items);
        RecommenderFile.Write(w, _weights);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">another header, a newer format, a weight that is not finite or a file cut short</exception>
    public static Ease Load(Stream stream) => RecommenderFile.Load(stream, Magic, Label, Read);

    /// <summary>The rest of the file after its header.</summary>
    internal static Ease Read(BinaryReader r) => RecommenderFile.Body(r, FormatVersion, Label, () =>
    {
        var n = RecommenderFile.ReadCount(r, Label, "items");
        return new Ease(n, RecommenderFile.ReadFloats(r, n, n, Label, "weight"));
    });
}
