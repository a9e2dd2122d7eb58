namespace ShopLens.Core.Import.Live;

/// <summary>
/// The outcome of one ingest call: one entry per posted event, in order, and the totals
/// (<c>accepted + duplicates + rejected</c> = events posted). <see cref="BatchId"/> is the import batch that holds
/// the accepted events (<c>import_batches</c>, source <c>api</c>).
/// </summary>
public sealed record IngestResult(
    int BatchId,
    IReadOnlyList<IngestOutcome> Outcomes,
    string? RejectsFile,
    IReadOnlyList<string> IgnoredFields)
{
    public int Accepted => Outcomes.Count(o => o.Status == IngestStatus.Accepted);
    public int Duplicates => Outcomes.Count(o => o.Status == IngestStatus.Duplicate);
    public int Rejected => Outcomes.Count(o => o.Status == IngestStatus.Rejected);
}
