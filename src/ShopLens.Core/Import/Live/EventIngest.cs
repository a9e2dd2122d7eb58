using System.Globalization;
using System.Text;
using ShopLens.Core.Import.Parsing;
using ShopLens.Core.Model;
using ShopLens.Core.Import.Presets;
using ShopLens.Core.Import.Reading;
using ShopLens.Core.Store;

namespace ShopLens.Core.Import.Live;

/// <summary>
/// Stores events posted to the live API through the same checks, de-duplication and batch bookkeeping as a file
/// import: one request is one transaction, committed before <see cref="Ingest"/> returns, so an answered event is on
/// disk. Events are idempotent by event_id (required here). Rejected events go to the day's rejects file
/// (<c>&lt;store&gt;.rejects/yyyyMMdd-api.rejects.csv</c>, line = the event's position in its request).
/// Like every write to the store, calls must not overlap: the caller serialises them.
/// </summary>
public sealed class EventIngest(ShopStore store, TimeProvider? time = null)
{
    /// <summary>The most events one call takes.</summary>
    public const int MaxEvents = 10_000;

    /// <summary>The rejects files' source name; their lines are positions within a request.</summary>
    public const string SourceName = "api";

    readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Stores the events (each a map of canonical event field → text; null for an entry that was not an object).</summary>
    public IngestResult Ingest(IReadOnlyList<IReadOnlyDictionary<string, string?>?> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0) throw new ArgumentException("no events to ingest", nameof(events));
        if (events.Count > MaxEvents) throw new ArgumentException($"{events.Count} events in one call; at most {MaxEvents}", nameof(events));
        var rejected = new Rejection?[events.Count];
        var day = _time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        using var rejects = new RejectLog(store.SideDirectory, SourceName, day, append: true)
        {
            Observer = (line, why) => rejected[line - 1] = why,
        };
        using var reader = new EventObjectReader(events);
        var preset = new LiveEventPreset();
        var source = new SourceFile(SourceName);
        preset.Bind(source, reader.Header);
        var importer = new DuckDbImporter(store);
        importer.ImportRecords(reader, preset, new DuckDbImporter.BatchSource(SourceName, SourceName, "json/api",
            Path.Combine(store.SideDirectory, $"{day}-{SourceName}.outliers.csv")), rejects,
            batchRows: events.Count, CleaningOptions.Default, progress: null, CancellationToken.None);
        var stored = StoredIds(importer.LastBatchId);
        var outcomes = new IngestOutcome[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            if (rejected[i] is { } why) outcomes[i] = new(IngestStatus.Rejected, why);
            // The store keeps the first event of each id; a later one in this request, or one stored before, is a duplicate.
            else if (Accepted(events[i]!) is var e && stored.Remove(e.EventId)) outcomes[i] = new(IngestStatus.Accepted, Event: e);
            else outcomes[i] = new(IngestStatus.Duplicate);
        }
        return new IngestResult(importer.LastBatchId, outcomes, rejects.FilePath, [.. reader.IgnoredKeys]);
    }

    HashSet<string> StoredIds(int batchId)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        using var r = store.Query($"SELECT event_id FROM events WHERE batch_id = {batchId}");
        while (r.Read()) ids.Add(r.GetString(0));
        return ids;
    }

    /// <summary>The event as stored: the checks passed, so every field parses.</summary>
    static AcceptedEvent Accepted(IReadOnlyDictionary<string, string?> e)
    {
        string? Field(string name) => EventObjectReader.Value(e, name)?.Trim(' ', '\t', '\r');
        EventTypes.TryParse(Encoding.UTF8.GetBytes(Field("type")!), out var type);
        TimestampParser.TryParse(Encoding.UTF8.GetBytes(Field("timestamp")!), out var micros);
        var product = Field("product_id");
        return new AcceptedEvent(Field("event_id")!, Field("customer_id")!, string.IsNullOrEmpty(product) ? null : product, type, TimestampParser.FromMicros(micros));
    }
}
