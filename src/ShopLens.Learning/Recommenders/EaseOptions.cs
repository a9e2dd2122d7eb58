namespace ShopLens.Learning.Recommenders;

/// <summary>EASE's one knob and its threads.</summary>
public sealed record EaseOptions
{
    /// <summary>λ added to the Gram matrix's diagonal (Steck 2019 used 500 on MovieLens-20M; smaller data want less).</summary>
    public double L2 { get; init; } = 500;

    public int Threads { get; init; } = Environment.ProcessorCount;

    public void Validate()
    {
        if (!(L2 > 0) || double.IsInfinity(L2)) throw new ArgumentException($"EASE's L2 must be a finite number > 0 (got {L2})");
        if (Threads < 1) throw new ArgumentException($"threads must be at least 1 (got {Threads})");
    }
}
