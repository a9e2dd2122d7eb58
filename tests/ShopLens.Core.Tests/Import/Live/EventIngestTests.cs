using ShopLens.Core.Import;
using ShopLens.Core.Import.Live;
using ShopLens.Core.Store;

namespace ShopLens.Core.Tests.Import.Live;

[Trait("Issue", "7")]
public sealed class EventIngestTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("shoplens-ingest").FullName;
    readonly ShopStore _store;
    readonly EventIngest _ingest;

    public EventIngestTests()
    {
        _store = ShopStore.Open(Path.Combine(_dir, "s.duckdb"));
        _ingest = new EventIngest(_store);
    }

    static Dictionary<string, string?> Event(string id, string customer, string type = "view", string product = "p1", string ts = "2024-03-05T20:14:07Z") =>
        new() { ["event_id"] = id, ["customer_id"] = customer, ["product_id"] = product, ["type"] = type, ["timestamp"] = ts };

    long Stored() => _store.Scalar<long>("SELECT count(*) FROM events");

    [Fact]
    public void Accepted_events_are_committed_with_their_fields_and_batch()
    {
        var e = Event("e1", "c1", "cart");
        e["price"] = "79.5";
        e["quantity"] = "2";
        var result = _ingest.Ingest([e, Event("e2", "c2")]);

        Assert.Equal([IngestStatus.Accepted, IngestStatus.Accepted], result.Outcomes.Select(o => o.Status));
        Assert.Equal(2, result.Accepted);
        Assert.Null(result.RejectsFile);
        Assert.Equal(2, Stored());
        Assert.Equal(79.5, _store.Scalar<double>("SELECT price FROM events WHERE event_id = 'e1'"));
        Assert.Equal("api", _store.Scalar<string>($"SELECT source FROM import_batches WHERE batch_id = {result.BatchId}"));
        Assert.Equal(2L, _store.Scalar<long>($"SELECT accepted FROM import_batches WHERE batch_id = {result.BatchId}"));
        Assert.True(_store.Customers.TryGetKey("c2", out _));
    }

    [Fact]
    public void A_retried_request_adds_nothing_and_says_duplicate()
    {
        IReadOnlyDictionary<string, string?>?[] batch = [Event("e1", "c1"), Event("e2", "c1", "cart")];
        _ingest.Ingest(batch);
        var again = _ingest.Ingest(batch);

        Assert.Equal([IngestStatus.Duplicate, IngestStatus.Duplicate], again.Outcomes.Select(o => o.Status));
        Assert.Equal(2, Stored());
    }

    [Fact]
    public void Each_event_gets_its_own_outcome_and_rejects_are_kept_with_their_position()
    {
        var noId = Event("", "c1");
        var extra = Event("e5", "c1");
        extra["utm_source"] = "mail";
        IReadOnlyDictionary<string, string?>?[] batch =
        [
            Event("e1", "c1"),
            Event("e1", "c1", "cart"),            // same id later in the request
            noId,
            Event("e3", "c1", "teleport"),
            null,                                  // not an object
            Event("e4", "c1", ts: "yesterday"),
            extra,
        ];
        var result = _ingest.Ingest(batch);

        Assert.Equal(
            [IngestStatus.Accepted, IngestStatus.Duplicate, IngestStatus.Rejected, IngestStatus.Rejected, IngestStatus.Rejected, IngestStatus.Rejected, IngestStatus.Accepted],
            result.Outcomes.Select(o => o.Status));
        Assert.Equal(("missing", "event_id"), (result.Outcomes[2].Rejection!.Value.Reason, result.Outcomes[2].Rejection!.Value.Field));
        Assert.Equal(("unknown_type", "type"), (result.Outcomes[3].Rejection!.Value.Reason, result.Outcomes[3].Rejection!.Value.Field));
        Assert.Equal("unreadable", result.Outcomes[4].Rejection!.Value.Reason);
        Assert.Equal(("bad_timestamp", "timestamp"), (result.Outcomes[5].Rejection!.Value.Reason, result.Outcomes[5].Rejection!.Value.Field));
        Assert.Equal(["utm_source"], result.IgnoredFields);
        Assert.Equal((2, 1, 4), (result.Accepted, result.Duplicates, result.Rejected));
        Assert.Equal(2, Stored());

        var lines = File.ReadAllLines(result.RejectsFile!);
        Assert.Equal("file,line,field,reason,message,record", lines[0]);
        Assert.Equal(["3", "4", "5", "6"], lines.Skip(1).Select(l => l.Split(',')[1]));
        Assert.Contains("teleport", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Later_requests_append_to_the_days_rejects_file()
    {
        var first = _ingest.Ingest([Event("e1", "c1", "teleport")]);
        var second = _ingest.Ingest([Event("e2", "c1", "warp")]);

        Assert.Equal(first.RejectsFile, second.RejectsFile);
        var lines = File.ReadAllLines(second.RejectsFile!);
        Assert.Equal(3, lines.Length);
        Assert.Single(lines, l => l.StartsWith("file,", StringComparison.Ordinal));
    }

    [Fact]
    public void An_event_id_stored_by_a_file_import_is_a_duplicate()
    {
        var csv = Path.Combine(_dir, "events.csv");
        File.WriteAllText(csv, "event_id,customer_id,product_id,type,timestamp\ne1,c1,p1,view,2024-03-05T20:14:07Z\n");
        _store.Import(new ImportRequest { Files = [new SourceFile(csv)] });

        var result = _ingest.Ingest([Event("e1", "c1"), Event("e2", "c1")]);

        Assert.Equal([IngestStatus.Duplicate, IngestStatus.Accepted], result.Outcomes.Select(o => o.Status));
    }

    [Fact]
    public void Too_many_events_in_one_call_are_refused_whole()
    {
        var batch = Enumerable.Range(0, EventIngest.MaxEvents + 1).Select(i => (IReadOnlyDictionary<string, string?>?)Event($"e{i}", "c1")).ToArray();
        Assert.Throws<ArgumentException>(() => _ingest.Ingest(batch));
        Assert.Equal(0, Stored());
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
