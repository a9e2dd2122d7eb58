namespace ShopLens.Learning.Recommenders;

/// <summary>
/// A <see cref="Weighting"/> with what it learned from the training matrix (the items' BM25 length norms), so a user
/// not seen in training has their history weighed as the training rows were.
/// </summary>
sealed class RowWeighting
{
    const double K1 = 100, B = 0.8;

    readonly Weighting _weighting;
    readonly int _items;
    readonly double[] _lengthNorm;

    RowWeighting(Weighting weighting, int items, double[] lengthNorm) => (_weighting, _items, _lengthNorm) = (weighting, items, lengthNorm);

    public static RowWeighting Fit(Weighting weighting, Interactions x)
    {
        if (!Enum.IsDefined(weighting)) throw new ArgumentException($"Weighting {weighting} is not one of {string.Join(", ", Enum.GetNames<Weighting>())}");
        var lengthNorm = Array.Empty<double>();
        if (weighting == Weighting.Bm25)
        {
            lengthNorm = new double[x.Items];
            for (var k = 0; k < x.Count; k++) lengthNorm[x.Columns[k]] += x.Values[k];
            var mean = lengthNorm.Sum() / x.Items;
            for (var i = 0; i < x.Items; i++) lengthNorm[i] = 1 - B + B * lengthNorm[i] / mean;
        }
        return new RowWeighting(weighting, x.Items, lengthNorm);
    }

    /// <summary>
    /// The weights of one user's row; a user with as many items as the catalogue less one has idf ≤ 0, and the weights
    /// are then 0 rather than negative.
    /// </summary>
    public void Apply(ReadOnlySpan<int> items, ReadOnlySpan<float> weights, Span<float> weighted)
    {
        var idf = Math.Log(_items) - Math.Log(1.0 + items.Length);
        for (var k = 0; k < items.Length; k++)
        {
            double w = weights[k];
            weighted[k] = _weighting switch
            {
                Weighting.Bm25 => (float)Math.Max(0, w * (K1 + 1) / (K1 * _lengthNorm[items[k]] + w) * idf),
                Weighting.TfIdf => (float)Math.Max(0, Math.Sqrt(w) * idf),
                _ => (float)w,
            };
        }
    }

    public Interactions Apply(Interactions x)
    {
        var values = new float[x.Count];
        for (var u = 0; u < x.Users; u++)
        {
            var start = x.RowStart[u];
            Apply(x.ItemsOf(u), x.WeightsOf(u), values.AsSpan(start, x.RowStart[u + 1] - start));
        }
        return x.WithValues(values);
    }

    /// <summary>Writes the kind and, for BM25, the items' length norms; the item count is the model's.</summary>
    public void Write(BinaryWriter w)
    {
        w.Write((int)_weighting);
        foreach (var v in _lengthNorm) w.Write(v);
    }

    /// <summary>Reads what <see cref="Write"/> wrote for a model of <paramref name="items"/> items.</summary>
    /// <exception cref="InvalidDataException">an unknown kind or a length norm that is not finite and positive</exception>
    public static RowWeighting Read(BinaryReader r, int items, string label)
    {
        var weighting = (Weighting)r.ReadInt32();
        if (!Enum.IsDefined(weighting)) throw new InvalidDataException($"{label} model: weighting {(int)weighting} is not one of {string.Join(", ", Enum.GetNames<Weighting>())}");
        var lengthNorm = new double[weighting == Weighting.Bm25 ? items : 0];
        for (var i = 0; i < lengthNorm.Length; i++)
            if (!((lengthNorm[i] = r.ReadDouble()) > 0) || double.IsInfinity(lengthNorm[i])) throw new InvalidDataException($"{label} model: BM25 length norm {i} is {lengthNorm[i]}");
        return new RowWeighting(weighting, items, lengthNorm);
    }
}
