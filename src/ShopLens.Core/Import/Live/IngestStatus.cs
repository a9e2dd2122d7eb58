namespace ShopLens.Core.Import.Live;

/// <summary>What happened to one posted event.</summary>
public enum IngestStatus
{
    /// <summary>Committed to the store.</summary>
    Accepted,

    /// <summary>Its event_id was stored already (or came earlier in the same request): nothing was added.</summary>
    Duplicate,

    /// <summary>Not stored; the rejection says why and the event is kept in the rejects file.</summary>
    Rejected,
}
