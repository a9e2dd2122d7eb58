namespace ShopLens.Core.Model;

/// <summary>The canonical tables of the store.</summary>
public enum Table
{
    Customers,
    Products,
    Events,
    Orders,
    OrderLines,
    Reviews,
}
