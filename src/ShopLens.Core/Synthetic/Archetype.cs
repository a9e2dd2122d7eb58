namespace ShopLens.Core.Synthetic;

/// <summary>
/// One kind of customer the synthetic shop plants, with the parameters its members are drawn from.
/// Rates are per day. A member's purchase rate λ ~ Gamma(<see cref="PurchaseRateShape"/>, mean <see cref="PurchaseRateMean"/>)
/// and dropout rate μ ~ Gamma(<see cref="DropoutRateShape"/>, mean <see cref="DropoutRateMean"/>), as in the
/// Pareto/NBD model (Schmittlein, Morrison and Colombo 1987): purchases are Poisson(λ) while alive, lifetime is Exponential(μ).
/// </summary>
/// <param name="Name">snake_case name, as written to the truth files</param>
/// <param name="Share">expected share of customers</param>
/// <param name="PurchaseRateMean">mean of λ, orders per day while alive</param>
/// <param name="PurchaseRateShape">gamma shape of λ across members (smaller = more spread)</param>
/// <param name="DropoutRateMean">mean of μ per day; 1/μ is the expected lifetime in days</param>
/// <param name="DropoutRateShape">gamma shape of μ across members</param>
/// <param name="ViewToCart">probability that a viewed product is put in the cart (before the discount boost)</param>
/// <param name="CartToPurchase">probability that a session with something in the cart checks out</param>
/// <param name="ViewsPerSession">mean number of product views in a session beyond the first</param>
/// <param name="PriceSensitivity">mean price sensitivity s in [0, 1]: above ½ a customer leans to the cheaper of two offers, below ½ to the pricier; s² is how strongly they wait for deals (promoted products carted more, full-price ones less, coupons used more)</param>
/// <param name="ReviewRate">probability of reviewing a purchased product</param>
/// <param name="ExtraQuantity">probability of each unit beyond the first in a cart line</param>
public sealed record Archetype(
    string Name,
    double Share,
    double PurchaseRateMean,
    double PurchaseRateShape,
    double DropoutRateMean,
    double DropoutRateShape,
    double ViewToCart,
    double CartToPurchase,
    double ViewsPerSession,
    double PriceSensitivity,
    double ReviewRate,
    double ExtraQuantity)
{
    /// <summary>
    /// Probability that a session ends in an order: the session has at least one cart (views are 1 + Poisson(v),
    /// each carted with probability c, so P(no cart) = (1 − c)·e^(−v·c)) and then checks out.
    /// Sessions arrive at rate λ / this, so orders, a thinning of sessions, stay Poisson(λ).
    /// </summary>
    public double SessionConversion =>
        CartToPurchase * (1 - (1 - ViewToCart) * Math.Exp(-ViewsPerSession * ViewToCart));
}
