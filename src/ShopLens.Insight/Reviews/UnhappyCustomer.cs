using System.Text.Json.Serialization;

namespace ShopLens.Insight.Reviews;

/// <summary>A customer among the shop's most valuable who complained recently, with their latest complaint.</summary>
public sealed record UnhappyCustomer([property: JsonIgnore] int CustomerKey, string CustomerId, double Monetary, int Orders, int RecentComplaints, double? ReviewSentiment,
    string ProductId, DateTime ComplainedAt, int Rating, string Text);
