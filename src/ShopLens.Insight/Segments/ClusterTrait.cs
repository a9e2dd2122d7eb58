namespace ShopLens.Insight.Segments;

/// <summary>
/// How a cluster stands on one profile column: <see cref="Z"/> is the gap between the cluster's mean and everyone's, in
/// standard deviations of everyone (on the column as clustering takes it: log for counts and money); the means are in
/// the column's own units, over the customers who have a value (null when none has).
/// </summary>
public sealed record ClusterTrait(string Column, double Z, double? Mean, double? OverallMean, string Phrase);
