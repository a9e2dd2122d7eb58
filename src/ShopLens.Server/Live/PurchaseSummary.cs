namespace ShopLens.Server.Live;

/// <summary>
/// A customer's purchases as the last snapshot read them (kept orders, as every analysis counts them): how many, what
/// they came to, the first and the last, and how many were returned.
/// </summary>
public sealed record PurchaseSummary(long Orders, double Revenue, DateTime? FirstOrder, DateTime? LastOrder, long Returns)
{
    public double? AverageOrderValue => Orders > 0 ? Revenue / Orders : null;
}
