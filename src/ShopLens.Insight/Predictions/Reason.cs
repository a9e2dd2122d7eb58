namespace ShopLens.Insight.Predictions;

/// <summary>A profile column, the customer's value of it (null = undefined) and how much it moved the log-odds.</summary>
public sealed record Reason(string Feature, double? Value, double LogOdds);
