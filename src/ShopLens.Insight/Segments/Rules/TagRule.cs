namespace ShopLens.Insight.Segments.Rules;

/// <summary>One rule of a <see cref="RuleSet"/>: customers for whom <see cref="When"/> holds get the tag <see cref="Name"/>.</summary>
public sealed record TagRule(string Name, RuleExpression When);
