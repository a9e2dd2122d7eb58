namespace ShopLens.Insight.Recommendations;

/// <summary>What a customer did with a product, weakest to strongest signal (the order explanations rank them by).</summary>
public enum InteractionKind : byte
{
    View = 1,
    Click = 2,
    Favorite = 3,
    Cart = 4,
    Review = 5,
    Purchase = 6,
}
