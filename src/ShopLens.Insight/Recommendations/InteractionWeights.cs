namespace ShopLens.Insight.Recommendations;

/// <summary>
/// How much each kind of behaviour says about a customer wanting a product, added up over everything they did with
/// it. The defaults follow the usual implicit-feedback ladder (a purchase says more than a cart, a cart more than a
/// view); 0 leaves a kind out.
/// </summary>
public sealed record InteractionWeights
{
    public float View { get; init; } = 1;
    public float Click { get; init; } = 1;
    public float Favorite { get; init; } = 2;
    public float Cart { get; init; } = 3;

    /// <summary>A product in a kept order (or a purchase event where the store has no orders).</summary>
    public float Purchase { get; init; } = 5;

    /// <summary>A review, whatever its rating: the customer had the product (MovieLens's ratings are all reviews).</summary>
    public float Review { get; init; } = 1;

    /// <summary>The weight of one act of <paramref name="kind"/>.</summary>
    public float Of(InteractionKind kind) => kind switch
    {
        InteractionKind.View => View,
        InteractionKind.Click => Click,
        InteractionKind.Favorite => Favorite,
        InteractionKind.Cart => Cart,
        InteractionKind.Purchase => Purchase,
        InteractionKind.Review => Review,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an interaction kind"),
    };

    public void Validate()
    {
        foreach (var (name, value) in new[] { ("view", View), ("click", Click), ("favorite", Favorite), ("cart", Cart), ("purchase", Purchase), ("review", Review) })
            if (!(value >= 0) || float.IsInfinity(value)) throw new ArgumentException($"the {name} weight must be a finite number ≥ 0 (got {value})");
        if (View + Click + Favorite + Cart + Purchase + Review == 0) throw new ArgumentException("at least one interaction weight must be above 0");
    }
}
