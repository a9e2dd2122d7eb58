namespace ShopLens.Insight.Lifetime;

/// <summary>
/// When a customer's next order is expected: a date with an interval, or none — <see cref="Status"/> says why
/// (<c>expected</c>, or <c>too_few_orders</c>: fewer than two purchase days to learn a rhythm from).
/// </summary>
public sealed record NextOrderEstimate(int CustomerKey, string Status, DateTime? Expected, DateTime? Low, DateTime? High);
