namespace ShopLens.Learning.Recommenders;

/// <summary>
/// Options of <see cref="AlsTrainer"/>: implicit-feedback ALS (Hu, Koren and Volinsky 2008) with the conjugate-gradient
/// row solver of the <c>implicit</c> library (<c>AlternatingLeastSquares(regularization=0.01, iterations=15)</c>, three
/// CG steps per row).
/// </summary>
public sealed record AlsOptions
{
    /// <summary>Length of each user and item factor (default 64).</summary>
    public int Factors { get; init; } = 64;

    /// <summary>
    /// λ of the objective Σᵤᵢ cᵤᵢ (pᵤᵢ − xᵤ · yᵢ)² + λ (Σ‖xᵤ‖² + Σ‖yᵢ‖²), over all pairs; positive, so every row's
    /// system has a unique solution (default 0.01, as implicit).
    /// </summary>
    public double Regularization { get; init; } = 0.01;

    /// <summary>
    /// α of the confidence cᵤᵢ = 1 + α · wᵤᵢ of an observed pair (unobserved pairs have confidence 1 and preference 0)
    /// (default 1). implicit takes cᵤᵢ = α · wᵤᵢ instead, which is the same for weights ≫ 1.
    /// </summary>
    public double Alpha { get; init; } = 1.0;

    /// <summary>Rescaling of the weights before the fit (default <see cref="Weighting.None"/>).</summary>
    public Weighting Weighting { get; init; } = Weighting.None;

    /// <summary>ALS iterations, each solving every user's factor and then every item's (default 15).</summary>
    public int Iterations { get; init; } = 15;

    /// <summary>
    /// Conjugate-gradient steps per row and half-iteration, started from the row's previous factor (Takács, Pilászy and
    /// Tikk 2011); f steps solve the row's system exactly, a few are enough because the start is close (default 3).
    /// </summary>
    public int CgSteps { get; init; } = 3;

    /// <summary>Threads for the row solves; the model is the same bytes for any number (default: the processor count).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Draws the starting factors: same seed and data ⇒ same model (default 1).</summary>
    public int Seed { get; init; } = 1;

    internal void Validate()
    {
        if (Factors < 1) throw new ArgumentException($"Factors must be at least 1 (got {Factors})");
        if (!(Regularization > 0) || double.IsInfinity(Regularization)) throw new ArgumentException($"Regularization must be a finite number > 0 (got {Regularization})");
        if (!(Alpha >= 0) || double.IsInfinity(Alpha)) throw new ArgumentException($"Alpha must be a finite number ≥ 0 (got {Alpha})");
        if (!Enum.IsDefined(Weighting)) throw new ArgumentException($"Weighting {Weighting} is not one of {string.Join(", ", Enum.GetNames<Weighting>())}");
        if (Iterations < 1) throw new ArgumentException($"Iterations must be at least 1 (got {Iterations})");
        if (CgSteps < 1) throw new ArgumentException($"CgSteps must be at least 1 (got {CgSteps})");
        if (Threads < 1) throw new ArgumentException($"Threads must be at least 1 (got {Threads})");
    }
}
