namespace ShopLens.Core.Model;

/// <summary>What a customer did. The numeric codes are what the store keeps in <c>events.type</c>.</summary>
public enum EventType : byte
{
    View = 1,
    Click = 2,
    Search = 3,
    Favorite = 4,
    Cart = 5,
    RemoveCart = 6,
    Purchase = 7,
    Refund = 8,
}
