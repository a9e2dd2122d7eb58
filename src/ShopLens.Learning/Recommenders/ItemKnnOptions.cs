namespace ShopLens.Learning.Recommenders;

/// <summary>Item-kNN's neighbourhood size, its shrinkage and its threads.</summary>
public sealed record ItemKnnOptions
{
    /// <summary>Neighbours kept per item (the most similar).</summary>
    public int Neighbours { get; init; } = 100;

    /// <summary>Added to the cosine's denominator, so that pairs seen together by few users count for less.</summary>
    public double Shrink { get; init; } = 10;

    public int Threads { get; init; } = Environment.ProcessorCount;

    public void Validate()
    {
        if (Neighbours < 1) throw new ArgumentException($"item-kNN keeps at least 1 neighbour (got {Neighbours})");
        if (!(Shrink >= 0) || double.IsInfinity(Shrink)) throw new ArgumentException($"item-kNN's shrink must be a finite number ≥ 0 (got {Shrink})");
        if (Threads < 1) throw new ArgumentException($"threads must be at least 1 (got {Threads})");
    }
}
