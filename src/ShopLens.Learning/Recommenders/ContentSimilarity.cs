namespace ShopLens.Learning.Recommenders;

/// <summary>
/// Item similarity from what the items are, not who has them: the cosine of their IDF-weighted feature vectors. It
/// needs no interactions, so it is the cold-start model: a new item is similar to the items it shares features with
/// from its first day. Items without features are similar to nothing.
/// </summary>
public sealed class ContentSimilarity : IRecommender
{
    internal const string Magic = "SLRECCON";
    const int FormatVersion = 1;
    const string Label = "content similarity";

    readonly Interactions _byItem;
    readonly Interactions _byFeature;

    /// <param name="byItem">Item × feature, weighted and each row of unit length (or empty, or all zero).</param>
    ContentSimilarity(Interactions byItem) => (_byItem, _byFeature) = (byItem, byItem.Transpose());

    public string Name => "content";

    public int Items => _byItem.Users;

    /// <exception cref="LearnerInputException">no item has a feature</exception>
    public static ContentSimilarity Fit(ContentFeatures features, ContentOptions options)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var x = features.Rows;
        if (x.Count == 0) throw new LearnerInputException("content similarity needs at least one item with a feature");
        var df = new int[x.Items];
        foreach (var f in x.Columns) df[f]++;
        var described = 0;
        for (var i = 0; i < x.Users; i++)
            if (x.RowStart[i + 1] > x.RowStart[i]) described++;
        var weight = new double[x.Items];
        for (var f = 0; f < x.Items; f++)
            weight[f] = df[f] < options.MinItemsPerFeature ? 0 : options.Idf ? Math.Log((double)described / df[f]) : 1;
        var values = new float[x.Count];
        for (var i = 0; i < x.Users; i++)
        {
            var (start, end) = (x.RowStart[i], x.RowStart[i + 1]);
            double squares = 0;
            for (var k = start; k < end; k++) squares += Math.Pow(x.Values[k] * weight[x.Columns[k]], 2);
            // Features on every item weigh 0 (log 1): an item with only those has no direction and stays all zero.
            var scale = squares > 0 ? 1 / Math.Sqrt(squares) : 0;
            for (var k = start; k < end; k++) values[k] = (float)(x.Values[k] * weight[x.Columns[k]] * scale);
        }
        return new ContentSimilarity(x.WithValues(values));
    }

    /// <summary>The <paramref name="k"/> items most similar to <paramref name="item"/>, best first, with their cosine; only those sharing a feature.</summary>
    public IEnumerable<(int Item, float Similarity)> Similar(int item, int k)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)Items, nameof(item));
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var cosines = new float[Items];
        AddDotProducts(_byItem.ItemsOf(item), _byItem.WeightsOf(item), cosines);
        return [.. TopItems.Select(cosines, k, [item]).Where(j => cosines[j] > 0).Select(j => (j, cosines[j]))];
    }

    /// <summary>
    /// Item j scores the sum of its cosines with the history items (presence only), which is its dot product with the sum
    /// of their vectors: that sum is built once, so features the history shares are walked once.
    /// </summary>
    public void Score(int user, ReadOnlySpan<int> historyItems, ReadOnlySpan<float> historyWeights, Span<float> scores)
    {
        if (scores.Length != Items) throw new ArgumentException($"scores need {Items} entries, not {scores.Length}", nameof(scores));
        scores.Clear();
        var profile = new Dictionary<int, float>();
        foreach (var i in historyItems)
        {
            var weights = _byItem.WeightsOf(i);
            var features = _byItem.ItemsOf(i);
            for (var k = 0; k < features.Length; k++)
                if (weights[k] > 0) profile[features[k]] = profile.GetValueOrDefault(features[k]) + weights[k];
        }
        AddDotProducts([.. profile.Keys], [.. profile.Values], scores);
    }

    /// <summary>Adds to each item's entry of <paramref name="into"/> its dot product with the sparse vector (features, weights).</summary>
    void AddDotProducts(ReadOnlySpan<int> features, ReadOnlySpan<float> weights, Span<float> into)
    {
        for (var k = 0; k < features.Length; k++)
        {
            if (weights[k] == 0) continue;
            var items = _byFeature.ItemsOf(features[k]);
            var values = _byFeature.WeightsOf(features[k]);
            for (var m = 0; m < items.Length; m++) into[items[m]] += weights[k] * values[m];
        }
    }

    /// <summary>Writes the model (little-endian binary: header, version, the weighted item × feature matrix).</summary>
    public void Save(Stream stream)
    {
        using var w = RecommenderFile.Writer(stream, Magic, FormatVersion);
        _byItem.Write(w);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">another header, a newer format, a bad matrix or a file cut short</exception>
    public static ContentSimilarity Load(Stream stream) => RecommenderFile.Load(stream, Magic, Label, Read);

    /// <summary>The rest of the file after its header.</summary>
    internal static ContentSimilarity Read(BinaryReader r) => RecommenderFile.Body(r, FormatVersion, Label, () => new ContentSimilarity(Interactions.Read(r, Label)));
}
