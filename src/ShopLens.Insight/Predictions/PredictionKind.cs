namespace ShopLens.Insight.Predictions;

/// <summary>What a prediction task forecasts for each customer.</summary>
public enum PredictionKind
{
    /// <summary>The customer places an order within the horizon (GA4's "purchase probability").</summary>
    Propensity,

    /// <summary>The customer goes quiet within the horizon (GA4's "churn probability"); see <see cref="ChurnDefinition"/>.</summary>
    Churn,
}
