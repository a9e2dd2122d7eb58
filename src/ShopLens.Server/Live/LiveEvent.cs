using ShopLens.Core.Model;

namespace ShopLens.Server.Live;

/// <summary>One event as a customer's live state keeps it.</summary>
public sealed record LiveEvent(EventType Type, string? ProductId, DateTime Timestamp);
