using System.Globalization;

namespace ShopLens.Insight.Predictions;

/// <summary>
/// A prediction task: what is forecast, over how many days after the cut-off, and for which customers — those
/// active (any event or order) within <see cref="LookBackDays"/> before the cut-off, as GA4 defines its audiences
/// (28 days for purchase probability, 7 for churn); a no-purchase churn task also needs an earlier order.
/// </summary>
public sealed record PredictionTask
{
    public PredictionKind Kind { get; init; } = PredictionKind.Propensity;

    /// <summary>Days after the cut-off in which the outcome is watched.</summary>
    public int HorizonDays { get; init; } = 14;

    /// <summary>What "churned" means (churn tasks only).</summary>
    public ChurnDefinition Definition { get; init; } = ChurnDefinition.NoActivity;

    /// <summary>Only customers active within this many days before the cut-off are scored; null = GA4's default for the kind.</summary>
    public int? LookBackDays { get; init; }

    /// <summary>The look-back in force: the one given, else 28 days for propensity and 7 for churn.</summary>
    public int EffectiveLookBackDays => LookBackDays ?? (Kind == PredictionKind.Propensity ? 28 : 7);

    /// <summary>The task's name in the store and on the command line: <c>propensity_14d</c>, <c>churn_7d</c>, <c>churn_no_purchase_7d</c>.</summary>
    public string Name => Kind == PredictionKind.Propensity
        ? $"propensity_{Days(HorizonDays)}d"
        : Definition == ChurnDefinition.NoActivity ? $"churn_{Days(HorizonDays)}d" : $"churn_no_purchase_{Days(HorizonDays)}d";

    /// <summary>What a positive label means, in words (for model cards).</summary>
    public string Outcome => Kind == PredictionKind.Propensity
        ? $"places an order within {HorizonDays} days after the cut-off"
        : Definition == ChurnDefinition.NoActivity
            ? $"has no event and no order within {HorizonDays} days after the cut-off"
            : $"places no order within {HorizonDays} days after the cut-off";

    /// <summary>Who is scored, in words (for model cards).</summary>
    public string Population => $"customers active in the {EffectiveLookBackDays} days before the cut-off"
        + (Kind == PredictionKind.Churn && Definition == ChurnDefinition.NoPurchase ? " who had ordered before it" : "");

    /// <summary>Checks the numbers; the message names the option.</summary>
    public void Validate()
    {
        if (HorizonDays < 1) throw new ArgumentException($"--horizon must be at least 1 day (got {HorizonDays})");
        if (LookBackDays is < 1) throw new ArgumentException($"--look-back must be at least 1 day (got {LookBackDays})");
    }

    static string Days(int days) => days.ToString(CultureInfo.InvariantCulture);
}
