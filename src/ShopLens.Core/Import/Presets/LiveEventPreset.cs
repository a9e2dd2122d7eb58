using ShopLens.Core.Import.Reading;
using ShopLens.Core.Model;

namespace ShopLens.Core.Import.Presets;

/// <summary>
/// Events sent to the live API, in canonical columns. Unlike a file, each event must carry its event_id: that id
/// is what makes a client's retry of a batch safe.
/// </summary>
sealed class LiveEventPreset : ImportPreset
{
    static readonly int EventId = CanonicalSchema.Events.IndexOf("event_id");

    public override string Name => "api";
    public override string Description => "events posted to the live API (canonical event fields; event_id required)";
    public override IReadOnlyList<Table> Tables => [Table.Events];

    public override void Bind(SourceFile source, IReadOnlyList<string> header)
    {
        if (!header.SequenceEqual(CanonicalSchema.Events.Columns.Select(c => c.Name)))
            throw new InvalidOperationException("the live preset reads records in the canonical event columns only");
    }

    public override bool Map(RecordReader record, RowSet rows, out Rejection rejection)
    {
        if (Core.Import.Parsing.NumberParser.Trim(record.Field(EventId)).IsEmpty)
        {
            rejection = new("missing", "event_id", "event_id is empty (the API needs each event's own id so that a retried batch adds nothing twice)");
            return false;
        }
        var row = rows[Table.Events];
        for (var c = 0; c < record.FieldCount; c++) row.Set(c, record.Field(c));
        rejection = default;
        return true;
    }
}
