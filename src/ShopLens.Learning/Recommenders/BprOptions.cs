namespace ShopLens.Learning.Recommenders;

/// <summary>
/// Options of <see cref="BprTrainer"/>: Bayesian personalised ranking (Rendle et al. 2009) by stochastic gradient
/// descent, with the <c>implicit</c> library's <c>BayesianPersonalizedRanking</c> defaults except the factor length.
/// </summary>
public sealed record BprOptions
{
    /// <summary>Length of each user and item factor, not counting the item bias (default 64).</summary>
    public int Factors { get; init; } = 64;

    /// <summary>Step size of each SGD update (default 0.01).</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>L2 penalty on the factors and biases an update touches (default 0.01).</summary>
    public double Regularization { get; init; } = 0.01;

    /// <summary>Passes over the data, each as many sampled (user, positive, negative) triples as there are interactions (default 100).</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>
    /// Threads for the SGD; more than one runs lock-free "Hogwild" updates (Niu et al. 2011), which are faster but not
    /// reproducible to the bit, since the threads' updates interleave by timing (default 1: the same bytes for a seed).
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary>Draws the starting factors and every sample: same seed and data ⇒ same model on one thread (default 1).</summary>
    public int Seed { get; init; } = 1;

    internal void Validate()
    {
        if (Factors < 1) throw new ArgumentException($"Factors must be at least 1 (got {Factors})");
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate)) throw new ArgumentException($"LearningRate must be a finite number > 0 (got {LearningRate})");
        if (!(Regularization >= 0) || double.IsInfinity(Regularization)) throw new ArgumentException($"Regularization must be a finite number ≥ 0 (got {Regularization})");
        if (Epochs < 1) throw new ArgumentException($"Epochs must be at least 1 (got {Epochs})");
        if (Threads < 1) throw new ArgumentException($"Threads must be at least 1 (got {Threads})");
    }
}
