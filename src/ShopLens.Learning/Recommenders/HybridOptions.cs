namespace ShopLens.Learning.Recommenders;

/// <summary>How the hybrid gathers candidates and learns to rank them.</summary>
public sealed record HybridOptions
{
    /// <summary>Candidates each source proposes per user (its top items the user does not have).</summary>
    public int CandidatesPerSource { get; init; } = 50;

    /// <summary>Share of each user's training items held back as the ranker's targets.</summary>
    public double TargetFraction { get; init; } = 0.25;

    /// <summary>Inner splits whose examples the ranker learns from (each fits every source once more).</summary>
    public int Folds { get; init; } = 3;

    /// <summary>Share of users whose candidates stop the ranker's boosting early.</summary>
    public double ValidationUsers { get; init; } = 0.2;

    /// <summary>Most boosting rounds of the LambdaRank trees.</summary>
    public int Rounds { get; init; } = 300;

    public int Seed { get; init; } = 1;

    public int Threads { get; init; } = Environment.ProcessorCount;

    public void Validate()
    {
        if (CandidatesPerSource < 1) throw new ArgumentException($"each source proposes at least 1 candidate (got {CandidatesPerSource})");
        if (!(TargetFraction > 0 && TargetFraction < 1)) throw new ArgumentException($"the target fraction must be in (0, 1) (got {TargetFraction})");
        if (!(ValidationUsers > 0 && ValidationUsers < 1)) throw new ArgumentException($"the validation share must be in (0, 1) (got {ValidationUsers})");
        if (Folds < 1) throw new ArgumentException($"the hybrid needs at least 1 inner split (got {Folds})");
        if (Rounds < 1) throw new ArgumentException($"the ranker needs at least 1 round (got {Rounds})");
        if (Threads < 1) throw new ArgumentException($"threads must be at least 1 (got {Threads})");
    }
}
