namespace ShopLens.Learning.Linear;

/// <summary>
/// Options of <see cref="LogisticRegressionTrainer"/>: L2-penalised binary logistic regression fitted with L-BFGS, with
/// scikit-learn's objective (<c>LogisticRegression(solver="lbfgs")</c> with C = 1 / <see cref="L2"/>).
/// </summary>
public sealed record LogisticRegressionOptions
{
    /// <summary>
    /// λ of the objective Σᵢ wᵢ · loglossᵢ + ½ · λ · ‖β‖², scikit-learn's 1 / C; the intercept is not penalised, and with
    /// <see cref="Standardize"/> the penalty applies to the standardised coefficients (default 1, i.e. C = 1).
    /// </summary>
    public double L2 { get; init; } = 1.0;

    /// <summary>Weighting of the two classes on top of the row weights (default <see cref="ClassWeights.None"/>).</summary>
    public ClassWeights ClassWeights { get; init; } = ClassWeights.None;

    /// <summary>
    /// Standardise each column inside the model with the training rows' mean and (population) standard deviation, so
    /// callers pass raw features and the penalty treats the columns alike; a zero-variance column is then always 0 and
    /// gets no weight (default true).
    /// </summary>
    public bool Standardize { get; init; } = true;

    /// <summary>Most L-BFGS iterations (default 1000).</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>
    /// Stop when every component of the objective's gradient is at most this in absolute value, scikit-learn's
    /// <c>tol</c> (its L-BFGS-B <c>gtol</c>), or when an iteration no longer lowers the objective beyond rounding
    /// (default 1e-4). The objective is a sum over rows, so this is strict on many rows; unlike scikit-learn the run
    /// does not also stop at a relative decrease of 2.2e-9 (SciPy's <c>ftol</c>), which can leave scikit-learn's
    /// coefficients 1e-4 from the optimum on unscaled columns.
    /// </summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>Threads for the loss and gradient passes; the model is the same bytes for any number (default: the processor count).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Kept for the shape every learner's options share; the fit starts from zero and draws nothing at random (default 1).</summary>
    public int Seed { get; init; } = 1;

    internal void Validate()
    {
        if (!(L2 >= 0) || double.IsInfinity(L2)) throw new ArgumentException($"L2 must be a finite number ≥ 0 (got {L2})");
        if (!Enum.IsDefined(ClassWeights)) throw new ArgumentException($"ClassWeights {ClassWeights} is not one of {string.Join(", ", Enum.GetNames<ClassWeights>())}");
        if (MaxIterations < 1) throw new ArgumentException($"MaxIterations must be at least 1 (got {MaxIterations})");
        if (!(Tolerance >= 0) || double.IsInfinity(Tolerance)) throw new ArgumentException($"Tolerance must be a finite number ≥ 0 (got {Tolerance})");
        if (Threads < 1) throw new ArgumentException($"Threads must be at least 1 (got {Threads})");
    }
}
