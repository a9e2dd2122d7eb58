namespace ShopLens.Learning.Recommenders;

/// <summary>Which pairs make association rules, how many each item keeps, and the threads that count them.</summary>
public sealed record AssociationRuleOptions
{
    /// <summary>Baskets a pair must share to make a rule: one basket together is an anecdote, and its lift is huge.</summary>
    public int MinBaskets { get; init; } = 2;

    public double MinSupport { get; init; }

    public double MinConfidence { get; init; }

    /// <summary>1 keeps only rules at least as likely as chance: B no rarer in baskets with A than in all baskets.</summary>
    public double MinLift { get; init; } = 1;

    /// <summary>Rules kept per antecedent, the best by confidence, then lift.</summary>
    public int MaxRulesPerItem { get; init; } = 20;

    public int Threads { get; init; } = Environment.ProcessorCount;

    public void Validate()
    {
        if (MinBaskets < 1) throw new ArgumentException($"association rules need at least 1 basket per pair (got MinBaskets {MinBaskets})");
        if (!(MinSupport is >= 0 and <= 1)) throw new ArgumentException($"MinSupport must be between 0 and 1 (got {MinSupport})");
        if (!(MinConfidence is >= 0 and <= 1)) throw new ArgumentException($"MinConfidence must be between 0 and 1 (got {MinConfidence})");
        if (!(MinLift >= 0) || double.IsInfinity(MinLift)) throw new ArgumentException($"MinLift must be a finite number ≥ 0 (got {MinLift})");
        if (MaxRulesPerItem < 1) throw new ArgumentException($"association rules keep at least 1 rule per item (got MaxRulesPerItem {MaxRulesPerItem})");
        if (Threads < 1) throw new ArgumentException($"threads must be at least 1 (got {Threads})");
    }
}
