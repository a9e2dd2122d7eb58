namespace ShopLens.Core.Synthetic;

/// <summary>The archetypes the synthetic shop plants, their shares summing to one.</summary>
public static class Archetypes
{
    public static readonly Archetype LoyalHighSpender = new("loyal_high_spender", 0.08,
        PurchaseRateMean: 0.06, PurchaseRateShape: 4, DropoutRateMean: 1.0 / 900, DropoutRateShape: 3,
        ViewToCart: 0.30, CartToPurchase: 0.75, ViewsPerSession: 4, PriceSensitivity: 0.10, ReviewRate: 0.30, ExtraQuantity: 0.35);

    public static readonly Archetype BargainHunter = new("bargain_hunter", 0.18,
        PurchaseRateMean: 0.025, PurchaseRateShape: 2.5, DropoutRateMean: 1.0 / 300, DropoutRateShape: 2,
        ViewToCart: 0.14, CartToPurchase: 0.50, ViewsPerSession: 6, PriceSensitivity: 0.85, ReviewRate: 0.12, ExtraQuantity: 0.20);

    public static readonly Archetype WindowShopper = new("window_shopper", 0.22,
        PurchaseRateMean: 0.003, PurchaseRateShape: 1.5, DropoutRateMean: 1.0 / 240, DropoutRateShape: 2,
        ViewToCart: 0.04, CartToPurchase: 0.15, ViewsPerSession: 5, PriceSensitivity: 0.40, ReviewRate: 0.05, ExtraQuantity: 0.05);

    public static readonly Archetype NewCustomer = new("new_customer", 0.10,
        PurchaseRateMean: 0.03, PurchaseRateShape: 2, DropoutRateMean: 1.0 / 365, DropoutRateShape: 2,
        ViewToCart: 0.15, CartToPurchase: 0.50, ViewsPerSession: 5, PriceSensitivity: 0.40, ReviewRate: 0.15, ExtraQuantity: 0.10);

    public static readonly Archetype Lapsing = new("lapsing", 0.12,
        PurchaseRateMean: 0.03, PurchaseRateShape: 2, DropoutRateMean: 1.0 / 45, DropoutRateShape: 4,
        ViewToCart: 0.15, CartToPurchase: 0.50, ViewsPerSession: 5, PriceSensitivity: 0.40, ReviewRate: 0.10, ExtraQuantity: 0.10);

    public static readonly Archetype Regular = new("regular", 0.30,
        PurchaseRateMean: 0.015, PurchaseRateShape: 2, DropoutRateMean: 1.0 / 500, DropoutRateShape: 2,
        ViewToCart: 0.12, CartToPurchase: 0.45, ViewsPerSession: 5, PriceSensitivity: 0.35, ReviewRate: 0.12, ExtraQuantity: 0.10);

    /// <summary>All archetypes; a customer's archetype is an index into this list.</summary>
    public static readonly IReadOnlyList<Archetype> All =
        [LoyalHighSpender, BargainHunter, WindowShopper, NewCustomer, Lapsing, Regular];

    /// <summary>Index of <see cref="NewCustomer"/>, whose members sign up in the last 30 days.</summary>
    public const int NewCustomerIndex = 3;

    /// <summary>Index of <see cref="Lapsing"/>, whose members sign up in the first half of the period.</summary>
    public const int LapsingIndex = 4;
}
