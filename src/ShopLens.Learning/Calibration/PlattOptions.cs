namespace ShopLens.Learning.Calibration;

/// <summary>
/// Options of <see cref="PlattTrainer"/>: the Newton iteration of Lin, Lin and Weng (2007), with their constants as
/// defaults (LIBSVM's <c>sigmoid_train</c>).
/// </summary>
public sealed record PlattOptions
{
    /// <summary>Most Newton steps (default 100).</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>The line search gives up, keeping the current fit, below this step length (default 1e-10).</summary>
    public double MinStep { get; init; } = 1e-10;

    /// <summary>Added to the Hessian's diagonal so it stays positive definite when the scores barely vary (default 1e-12).</summary>
    public double HessianRidge { get; init; } = 1e-12;

    /// <summary>The fit stops when both gradient components are below this in absolute value (default 1e-5).</summary>
    public double GradientTolerance { get; init; } = 1e-5;

    /// <summary>Not used: the fit draws nothing at random; present as on every learner's options (default 1).</summary>
    public int Seed { get; init; } = 1;

    internal void Validate()
    {
        if (MaxIterations < 1) throw new ArgumentException($"MaxIterations must be at least 1 (got {MaxIterations})");
        if (!(MinStep > 0 && MinStep < 1)) throw new ArgumentException($"MinStep must be in (0, 1) (got {MinStep})");
        if (!(HessianRidge > 0) || double.IsInfinity(HessianRidge)) throw new ArgumentException($"HessianRidge must be a finite number > 0 (got {HessianRidge})");
        if (!(GradientTolerance > 0) || double.IsInfinity(GradientTolerance)) throw new ArgumentException($"GradientTolerance must be a finite number > 0 (got {GradientTolerance})");
    }
}
