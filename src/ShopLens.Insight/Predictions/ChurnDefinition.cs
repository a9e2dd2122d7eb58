namespace ShopLens.Insight.Predictions;

/// <summary>What "churned" means for a churn task.</summary>
public enum ChurnDefinition
{
    /// <summary>No event and no order at all within the horizon (GA4's definition).</summary>
    NoActivity,

    /// <summary>No order within the horizon, among customers who have ordered before; browsing does not count.</summary>
    NoPurchase,
}
