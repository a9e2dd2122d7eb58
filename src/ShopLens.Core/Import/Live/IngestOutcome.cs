namespace ShopLens.Core.Import.Live;

/// <summary>One posted event's outcome: <see cref="Event"/> is set when it was accepted, <see cref="Rejection"/> when it was rejected.</summary>
public readonly record struct IngestOutcome(IngestStatus Status, Rejection? Rejection = null, AcceptedEvent? Event = null);
