namespace ShopLens.Learning.Btyd;

/// <summary>
/// Options of <see cref="BgNbdTrainer"/> and <see cref="MbgNbdTrainer"/>: maximum likelihood by L-BFGS on the
/// log-parameters from several starts.
/// </summary>
public sealed record BgNbdOptions
{
    /// <summary>Starting points tried; the best optimum is kept (default 3: one fixed, the rest drawn from the seed).</summary>
    public int Starts { get; init; } = 3;

    /// <summary>Most L-BFGS iterations per start (default 500).</summary>
    public int MaxIterations { get; init; } = 500;

    /// <summary>A start converges when every component of the mean negative log-likelihood's gradient in the log-parameters is at most this (default 1e-7).</summary>
    public double GradientTolerance { get; init; } = 1e-7;

    /// <summary>L2 penalty on the natural parameters added to the mean negative log-likelihood, as lifetimes' <c>penalizer_coef</c> (default 0).</summary>
    public double L2Penalty { get; init; }

    /// <summary>Draws the extra starting points: same seed and data ⇒ same model (default 1).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Fits BG/NBD, or MBG/NBD when <paramref name="modified"/>, with these options: what both trainers do.</summary>
    internal (BgNbdParameters Parameters, MaximumLikelihoodFit Fit) Fit(CustomerHistories customers, bool modified, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(customers);
        customers.Check("training histories");
        BgNbdValidation.Validate(Starts, MaxIterations, GradientTolerance, L2Penalty);
        var (theta, fit) = MaximumLikelihood.Fit(new BgNbdLikelihood(customers, modified), BgNbdLikelihood.Starts(customers, Starts, Seed),
            L2Penalty, MaxIterations, GradientTolerance, ct);
        return (BgNbdParameters.From(theta), fit);
    }
}
