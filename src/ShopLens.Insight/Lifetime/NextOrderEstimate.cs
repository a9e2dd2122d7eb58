namespace ShopLens.Insight.Lifetime;

/// <summary>
/// When a customer's next order is expected: a date with an interval, or none — <see cref="Status"/> says why
/// (<c>expected</c>; <c>too_few_orders</c>: fewer than two purchase days to learn a rhythm from; <c>probably_lapsed</c>:
/// a model's P(alive) is below the threshold). <see cref="High"/> is null when the model never gives the next order
/// a 90% chance (it may never come).
/// </summary>
public sealed record NextOrderEstimate(int CustomerKey, string Status, DateTime? Expected, DateTime? Low, DateTime? High);
