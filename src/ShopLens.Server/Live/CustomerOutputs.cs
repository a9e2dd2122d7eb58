namespace ShopLens.Server.Live;

/// <summary>What the saved models and segmentations say of one customer, as the last snapshot read them.</summary>
public sealed class CustomerOutputs
{
    /// <summary>Segment by segmentation method (<c>rfm</c>, <c>clusters</c>, …).</summary>
    public Dictionary<string, string> Segments { get; } = new(StringComparer.Ordinal);

    /// <summary>Lifecycle stage as of the store's last activity, or null for a customer not yet present.</summary>
    public string? Stage { get; set; }

    /// <summary>Prediction task → the saved probability and its decile (10 = most likely).</summary>
    public Dictionary<string, (double Probability, int Decile)> Scores { get; } = new(StringComparer.Ordinal);

    /// <summary>Kept orders, revenue and returns; null for a customer who never ordered.</summary>
    public PurchaseSummary? Purchases { get; set; }

    /// <summary>Value model → its saved forecast.</summary>
    public Dictionary<string, ValueForecast> Values { get; } = new(StringComparer.Ordinal);
}

/// <summary>One value model's forecast for a customer (fields a model does not give are null).</summary>
public sealed record ValueForecast(double? PAlive, double? ExpectedOrders, double ExpectedSpend, double Clv, DateTime? NextOrder);
