namespace ShopLens.Learning.ValueModels;

/// <summary>Options of the zero-inflated lognormal value model (<see cref="ZilnTrainer"/>).</summary>
public sealed record ZilnOptions
{
    /// <summary>L2 penalty ½·λ·‖w‖² on the three heads' weights (not their intercepts), on standardised columns.</summary>
    public double L2 { get; init; } = 1.0;

    /// <summary>Most L-BFGS iterations.</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Stop when every gradient component is at most this (the objective is a sum over rows).</summary>
    public double Tolerance { get; init; } = 1e-5;

    /// <summary>Unused: the fit starts from the data's own rates and draws nothing at random.</summary>
    public int Seed { get; init; } = 1;

    internal void Validate()
    {
        if (!(L2 >= 0) || double.IsInfinity(L2)) throw new ArgumentException($"ZILN options: L2 must be finite and ≥ 0 (got {L2})");
        if (MaxIterations < 1) throw new ArgumentException($"ZILN options: MaxIterations must be at least 1 (got {MaxIterations})");
        if (!(Tolerance > 0)) throw new ArgumentException($"ZILN options: Tolerance must be positive (got {Tolerance})");
    }
}
