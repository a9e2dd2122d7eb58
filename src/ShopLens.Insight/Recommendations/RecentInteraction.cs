using ShopLens.Core.Model;

namespace ShopLens.Insight.Recommendations;

/// <summary>A customer's act on a product that arrived after the recommender was built (a live server's event).</summary>
public readonly record struct RecentInteraction(string ProductId, InteractionKind Kind)
{
    /// <summary>The act an event of <paramref name="type"/> is, or null for types that say nothing about wanting the product (search, remove from cart, refund).</summary>
    public static RecentInteraction? From(EventType type, string? productId) => productId is null ? null : type switch
    {
        EventType.View => new(productId, InteractionKind.View),
        EventType.Click => new(productId, InteractionKind.Click),
        EventType.Favorite => new(productId, InteractionKind.Favorite),
        EventType.Cart => new(productId, InteractionKind.Cart),
        EventType.Purchase => new(productId, InteractionKind.Purchase),
        _ => null,
    };
}
