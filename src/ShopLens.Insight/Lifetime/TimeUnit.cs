namespace ShopLens.Insight.Lifetime;

/// <summary>The unit in which purchase histories measure recency and age (the BTYD literature uses weeks).</summary>
public enum TimeUnit
{
    Day,
    Week,
}
