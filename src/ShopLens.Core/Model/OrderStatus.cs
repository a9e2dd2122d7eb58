namespace ShopLens.Core.Model;

/// <summary>Allowed values of <c>orders.status</c>; an order without one is <c>completed</c>.</summary>
public static class OrderStatus
{
    public const string Placed = "placed";
    public const string Paid = "paid";
    public const string Shipped = "shipped";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string Returned = "returned";

    public static readonly IReadOnlyList<string> All = [Placed, Paid, Shipped, Completed, Cancelled, Returned];
}
