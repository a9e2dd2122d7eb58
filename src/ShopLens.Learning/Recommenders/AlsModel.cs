using System.Numerics.Tensors;
using ShopLens.Learning.Numerics;

namespace ShopLens.Learning.Recommenders;

/// <summary>
/// A fitted implicit-feedback ALS model (<see cref="AlsTrainer"/>): a score is the dot product of the user's factor and
/// the item's. A user not seen in training gets the factor that solves their row of the training objective exactly
/// against the learned item factors (the "fold-in" of Hu, Koren and Volinsky 2008).
/// </summary>
public sealed class AlsModel : IRecommender
{
    internal const string Magic = "SLRECALS";
    const int FormatVersion = 1;
    const string Label = "ALS";

    readonly float[] _userFactors, _itemFactors;
    readonly float[] _itemNorms;
    readonly double _regularization, _alpha;
    readonly RowWeighting _weighting;
    /// <summary>YᵀY + λI of the item factors, the part of every fold-in system that does not depend on the history.</summary>
    readonly double[] _shared;

    internal AlsModel(int factors, float[] userFactors, float[] itemFactors, double regularization, double alpha, RowWeighting weighting, int threads)
    {
        (Factors, _userFactors, _itemFactors, _regularization, _alpha, _weighting) = (factors, userFactors, itemFactors, regularization, alpha, weighting);
        _shared = AlsHalfStep.Gram(Array.ConvertAll(itemFactors, v => (double)v), factors, threads, CancellationToken.None);
        for (var j = 0; j < factors; j++) _shared[j * factors + j] += regularization;
        _itemNorms = new float[Items];
        for (var i = 0; i < Items; i++) _itemNorms[i] = TensorPrimitives.Norm(ItemFactor(i));
    }

    public string Name => "als";

    public int Users => _userFactors.Length / Factors;

    public int Items => _itemFactors.Length / Factors;

    /// <summary>Length of each factor.</summary>
    public int Factors { get; }

    /// <summary>User factors, row-major (<c>Users × Factors</c>).</summary>
    public ReadOnlySpan<float> UserFactors => _userFactors;

    /// <summary>Item factors, row-major (<c>Items × Factors</c>).</summary>
    public ReadOnlySpan<float> ItemFactors => _itemFactors;

    public ReadOnlySpan<float> ItemFactor(int item) => _itemFactors.AsSpan(item * Factors, Factors);

    /// <inheritdoc/>
    /// <remarks>A known user's history is not read; a new user's is weighed as the training rows were (<see cref="AlsOptions.Weighting"/>).</remarks>
    public void Score(int user, ReadOnlySpan<int> historyItems, ReadOnlySpan<float> historyWeights, Span<float> scores)
    {
        ScoreArguments.Check(Users, Items, user, historyItems, historyWeights, scores);
        var x = user >= 0 ? _userFactors.AsSpan(user * Factors, Factors) : FoldIn(historyItems, historyWeights);
        for (var i = 0; i < Items; i++) scores[i] = TensorPrimitives.Dot(x, ItemFactor(i));
    }

    /// <summary>
    /// The <paramref name="k"/> items most like <paramref name="item"/> by the cosine of their factors, most alike first;
    /// items with a zero factor (never seen in training) are left out.
    /// </summary>
    public int[] SimilarItems(int item, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(item);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(item, Items);
        var cosines = new float[Items];
        var y = ItemFactor(item);
        for (var i = 0; i < Items; i++) cosines[i] = TensorPrimitives.Dot(y, ItemFactor(i)) / (_itemNorms[item] * _itemNorms[i]);
        return TopItems.Select(cosines, k, [item]);
    }

    /// <summary>
    /// Writes the shape, λ and α, the factors and the row weighting: λ, α and the weighting are what a new user's fold-in
    /// needs besides the item factors. YᵀY + λI and the item norms are computed again on loading, to the same bits.
    /// </summary>
    public void Save(Stream stream)
    {
        using var w = RecommenderFile.Writer(stream, Magic, FormatVersion);
        w.Write(Factors);
        w.Write(Users);
        w.Write(Items);
        w.Write(_regularization);
        w.Write(_alpha);
        RecommenderFile.Write(w, _userFactors);
        RecommenderFile.Write(w, _itemFactors);
        _weighting.Write(w);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">another header, a newer format, a bad value or a file cut short</exception>
    public static AlsModel Load(Stream stream) => RecommenderFile.Load(stream, Magic, Label, Read);

    /// <summary>The rest of the file after its header.</summary>
    internal static AlsModel Read(BinaryReader r) => RecommenderFile.Body(r, FormatVersion, Label, () =>
    {
        var factors = RecommenderFile.ReadCount(r, Label, "factors", least: 1);
        var users = RecommenderFile.ReadCount(r, Label, "users");
        var items = RecommenderFile.ReadCount(r, Label, "items");
        var (regularization, alpha) = (r.ReadDouble(), r.ReadDouble());
        if (!(regularization > 0) || double.IsInfinity(regularization)) throw new InvalidDataException($"{Label} model: regularization {regularization}");
        if (!(alpha >= 0) || double.IsInfinity(alpha)) throw new InvalidDataException($"{Label} model: alpha {alpha}");
        var userFactors = RecommenderFile.ReadFloats(r, users, factors, Label, "user factor entry");
        var itemFactors = RecommenderFile.ReadFloats(r, items, factors, Label, "item factor entry");
        // After the item factors, so that a damaged item count is found before BM25 allocates a norm per item.
        var weighting = RowWeighting.Read(r, items, Label);
        return new AlsModel(factors, userFactors, itemFactors, regularization, alpha, weighting, Environment.ProcessorCount);
    });

    /// <summary>The exact solution of the user's row of the objective: (YᵀY + λI + Σ α wᵢ yᵢyᵢᵀ) x = Σ (1 + α wᵢ) yᵢ.</summary>
    float[] FoldIn(ReadOnlySpan<int> items, ReadOnlySpan<float> weights)
    {
        var f = Factors;
        var weighted = new float[items.Length];
        _weighting.Apply(items, weights, weighted);
        var a = (double[])_shared.Clone();
        var b = new double[f];
        var yi = new double[f];
        for (var k = 0; k < items.Length; k++)
        {
            for (var j = 0; j < f; j++) yi[j] = _itemFactors[items[k] * f + j];
            var extra = _alpha * weighted[k];
            for (var j = 0; j < f; j++) TensorPrimitives.MultiplyAdd(yi, extra * yi[j], a.AsSpan(j * f, f), a.AsSpan(j * f, f));
            TensorPrimitives.MultiplyAdd(yi, 1 + extra, b, b);
        }
        Cholesky.Solve(a, b, f);
        return Array.ConvertAll(b, v => (float)v);
    }
}
