namespace ShopLens.Core.Synthetic;

/// <summary>
/// The archetypes the synthetic shop plants, their shares summing to one. Each has a signature a shop can see in its
/// profiles (clustering recovers them: ShopLens.Insight's ClusterSegmentation): loyal high spenders order often and
/// convert well; bargain hunters browse long sessions and buy on promotion; window shoppers browse and rarely cart;
/// new customers signed up in the last 30 days; lapsing customers stop early in the period; regulars buy steadily in
/// short, focused sessions. Dropout is low for all but the lapsing, so that leaving is what marks them out.
/// </summary>
public static class Archetypes
{
    public static readonly Archetype LoyalHighSpender = new("loyal_high_spender", 0.08,
        PurchaseRateMean: 0.12, PurchaseRateShape: 8, DropoutRateMean: 1.0 / 6000, DropoutRateShape: 3,
        ViewToCart: 0.40, CartToPurchase: 0.75, ViewsPerSession: 4, PriceSensitivity: 0.08, ReviewRate: 0.30, ExtraQuantity: 0.5);

    public static readonly Archetype BargainHunter = new("bargain_hunter", 0.18,
        PurchaseRateMean: 0.035, PurchaseRateShape: 5, DropoutRateMean: 1.0 / 3000, DropoutRateShape: 3,
        ViewToCart: 0.12, CartToPurchase: 0.50, ViewsPerSession: 8, PriceSensitivity: 0.88, ReviewRate: 0.10, ExtraQuantity: 0.25);

    public static readonly Archetype WindowShopper = new("window_shopper", 0.22,
        PurchaseRateMean: 0.004, PurchaseRateShape: 4, DropoutRateMean: 1.0 / 2500, DropoutRateShape: 3,
        ViewToCart: 0.04, CartToPurchase: 0.15, ViewsPerSession: 5, PriceSensitivity: 0.40, ReviewRate: 0.05, ExtraQuantity: 0.05);

    public static readonly Archetype NewCustomer = new("new_customer", 0.10,
        PurchaseRateMean: 0.04, PurchaseRateShape: 3, DropoutRateMean: 1.0 / 365, DropoutRateShape: 2,
        ViewToCart: 0.15, CartToPurchase: 0.50, ViewsPerSession: 5, PriceSensitivity: 0.40, ReviewRate: 0.15, ExtraQuantity: 0.10);

    public static readonly Archetype Lapsing = new("lapsing", 0.12,
        PurchaseRateMean: 0.04, PurchaseRateShape: 3, DropoutRateMean: 1.0 / 40, DropoutRateShape: 8,
        ViewToCart: 0.15, CartToPurchase: 0.50, ViewsPerSession: 5, PriceSensitivity: 0.40, ReviewRate: 0.10, ExtraQuantity: 0.10);

    public static readonly Archetype Regular = new("regular", 0.30,
        PurchaseRateMean: 0.03, PurchaseRateShape: 6, DropoutRateMean: 1.0 / 4000, DropoutRateShape: 3,
        ViewToCart: 0.20, CartToPurchase: 0.60, ViewsPerSession: 3, PriceSensitivity: 0.30, ReviewRate: 0.12, ExtraQuantity: 0.10);

    /// <summary>All archetypes; a customer's archetype is an index into this list.</summary>
    public static readonly IReadOnlyList<Archetype> All =
        [LoyalHighSpender, BargainHunter, WindowShopper, NewCustomer, Lapsing, Regular];

    /// <summary>Index of <see cref="NewCustomer"/>, whose members sign up in the last 30 days.</summary>
    public const int NewCustomerIndex = 3;
}
