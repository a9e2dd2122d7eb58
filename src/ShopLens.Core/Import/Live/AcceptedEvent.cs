using ShopLens.Core.Model;

namespace ShopLens.Core.Import.Live;

/// <summary>What an accepted event says, as the store now holds it (ids trimmed, type and time parsed).</summary>
public sealed record AcceptedEvent(string EventId, string CustomerId, string? ProductId, EventType Type, DateTime Timestamp);
