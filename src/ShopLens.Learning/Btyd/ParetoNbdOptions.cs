namespace ShopLens.Learning.Btyd;

/// <summary>
/// Options of <see cref="ParetoNbdTrainer"/>: maximum likelihood in log-parameters by L-BFGS from a few fixed starts
/// (BTYD's (1, 1, 1, 1) and two scaled to the data), the best kept.
/// </summary>
public sealed record ParetoNbdOptions
{
    /// <summary>Most L-BFGS iterations per start (default 500).</summary>
    public int MaxIterations { get; init; } = 500;

    /// <summary>Stop when every gradient entry of the mean negative log-likelihood in log-parameters is within this (default 1e-9).</summary>
    public double Tolerance { get; init; } = 1e-9;

    /// <summary>L2 penalty λ Σθ² on the natural parameters, added to the mean negative log-likelihood as lifetimes' penalizer_coef (default 0).</summary>
    public double L2 { get; init; }

    /// <summary>Threads for the likelihood pass; results are the same bits for any number (default: the processor count).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>The fit makes no random choice (its starts are fixed); kept so every learner has one (default 1).</summary>
    public int Seed { get; init; } = 1;

    internal void Validate()
    {
        if (MaxIterations < 1) throw new ArgumentException($"MaxIterations must be at least 1 (got {MaxIterations})");
        if (!(Tolerance > 0) || double.IsInfinity(Tolerance)) throw new ArgumentException($"Tolerance must be a finite number > 0 (got {Tolerance})");
        if (!(L2 >= 0) || double.IsInfinity(L2)) throw new ArgumentException($"L2 must be a finite number ≥ 0 (got {L2})");
        if (Threads < 1) throw new ArgumentException($"Threads must be at least 1 (got {Threads})");
    }
}
