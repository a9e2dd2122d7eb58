using System.Numerics.Tensors;

namespace ShopLens.Learning.Recommenders;

/// <summary>
/// Item-based nearest neighbours (Sarwar et al. 2001; Deshpande &amp; Karypis 2004): the cosine of two items' user
/// sets with shrinkage, |U_i ∩ U_j| / (√|U_i| √|U_j| + shrink), of which each item keeps its most similar; a user's
/// scores add up their history items' neighbours. Presence only: weights mark that a user has an item.
/// </summary>
public sealed class ItemKnn : IRecommender
{
    internal const string Magic = "SLRECKNN";
    const int FormatVersion = 1;
    const string Label = "item-kNN";

    readonly int[] _start;
    readonly int[] _neighbours;
    readonly float[] _similarity;

    // Lists that fill a quarter of a small item × item matrix are also kept dense: scoring then adds whole rows with
    // SIMD instead of scattering one neighbour at a time (the same sums in the same order, so the same scores).
    const int MaxDenseItems = 2048;
    readonly float[]? _dense;

    ItemKnn(int items, int[] start, int[] neighbours, float[] similarity)
    {
        (Items, _start, _neighbours, _similarity) = (items, start, neighbours, similarity);
        if (items > MaxDenseItems || neighbours.Length < (long)items * items / 4) return;
        _dense = new float[items * items];
        for (var i = 0; i < items; i++)
            for (var k = start[i]; k < start[i + 1]; k++) _dense[i * items + neighbours[k]] = similarity[k];
    }

    public string Name => "itemknn";

    public int Items { get; }

    /// <exception cref="LearnerInputException">no interactions</exception>
    public static ItemKnn Fit(Interactions train, ItemKnnOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (train.Count == 0) throw new LearnerInputException("item-kNN needs at least one interaction");
        var n = train.Items;
        var byItem = train.Transpose();
        var norm = new double[n];
        for (var i = 0; i < n; i++) norm[i] = Math.Sqrt(byItem.RowStart[i + 1] - byItem.RowStart[i]);
        var lists = new (int[] Items, float[] Similarity)[n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = ct },
            () => new float[n],
            (i, _, together) =>
            {
                // Users who have item i, and every other item they have: the co-occurrence row of i.
                together.AsSpan().Clear();
                foreach (var u in byItem.ItemsOf(i))
                    foreach (var j in train.ItemsOf(u)) together[j]++;
                together[i] = 0;
                for (var j = 0; j < n; j++)
                    if (together[j] > 0) together[j] = (float)(together[j] / (norm[i] * norm[j] + options.Shrink));
                var best = TopItems.Select(together, options.Neighbours, []);
                var kept = best.Where(j => together[j] > 0).ToArray();
                lists[i] = (kept, [.. kept.Select(j => together[j])]);
                return together;
            },
            _ => { });
        var start = new int[n + 1];
        for (var i = 0; i < n; i++) start[i + 1] = start[i] + lists[i].Items.Length;
        var neighbours = new int[start[n]];
        var similarity = new float[start[n]];
        for (var i = 0; i < n; i++)
        {
            lists[i].Items.CopyTo(neighbours, start[i]);
            lists[i].Similarity.CopyTo(similarity, start[i]);
        }
        return new ItemKnn(n, start, neighbours, similarity);
    }

    /// <summary>The neighbours of <paramref name="item"/>, best first (their similarities: <see cref="NeighbourSimilarities"/>).</summary>
    public ReadOnlySpan<int> NeighbourItems(int item) => _neighbours.AsSpan(_start[item], _start[item + 1] - _start[item]);

    /// <summary>The similarities of <see cref="NeighbourItems"/>, in the same order.</summary>
    public ReadOnlySpan<float> NeighbourSimilarities(int item) => _similarity.AsSpan(_start[item], _start[item + 1] - _start[item]);

    /// <summary>The items most similar to <paramref name="item"/>, best first, with their similarity.</summary>
    public IEnumerable<(int Item, float Similarity)> Neighbours(int item)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)Items, nameof(item));
        for (var k = _start[item]; k < _start[item + 1]; k++) yield return (_neighbours[k], _similarity[k]);
    }

    public void Score(int user, ReadOnlySpan<int> historyItems, ReadOnlySpan<float> historyWeights, Span<float> scores)
    {
        if (scores.Length != Items) throw new ArgumentException($"scores need {Items} entries, not {scores.Length}", nameof(scores));
        scores.Clear();
        if (_dense is not null)
        {
            foreach (var i in historyItems) TensorPrimitives.Add(scores, _dense.AsSpan(i * Items, Items), scores);
            return;
        }
        foreach (var i in historyItems)
            for (var k = _start[i]; k < _start[i + 1]; k++) scores[_neighbours[k]] += _similarity[k];
    }

    /// <summary>Writes the item count, the neighbour lists' starts, then every neighbour and its similarity.</summary>
    public void Save(Stream stream)
    {
        using var w = RecommenderFile.Writer(stream, Magic, FormatVersion);
        w.Write(Items);
        w.Write(_neighbours.Length);
        RecommenderFile.Write(w, _start);
        RecommenderFile.Write(w, _neighbours);
        RecommenderFile.Write(w, _similarity);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">another header, a newer format, a bad neighbour list or a file cut short</exception>
    public static ItemKnn Load(Stream stream) => RecommenderFile.Load(stream, Magic, Label, Read);

    /// <summary>The rest of the file after its header.</summary>
    internal static ItemKnn Read(BinaryReader r) => RecommenderFile.Body(r, FormatVersion, Label, () =>
    {
        var n = RecommenderFile.ReadCount(r, Label, "items");
        var count = RecommenderFile.ReadCount(r, Label, "neighbours in all");
        var start = RecommenderFile.ReadInts(r, n + 1, Label, "list starts");
        if (start[0] != 0 || start[n] != count) throw new InvalidDataException($"{Label} model: the lists span {start[0]} … {start[n]}, not 0 … {count}");
        for (var i = 0; i < n; i++)
            if (start[i + 1] < start[i]) throw new InvalidDataException($"{Label} model: item {i}'s list ends before it starts");
        var neighbours = RecommenderFile.ReadInts(r, count, Label, "neighbours");
        foreach (var j in neighbours)
            if ((uint)j >= (uint)n) throw new InvalidDataException($"{Label} model: neighbour {j} is outside 0 … {n - 1}");
        return new ItemKnn(n, start, neighbours, RecommenderFile.ReadFloats(r, count, 1, Label, "similarity"));
    });
}
