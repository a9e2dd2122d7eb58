using System.Buffers.Text;
using ShopLens.Core.Import.Reading;
using ShopLens.Core.Model;

namespace ShopLens.Core.Import.Presets;

/// <summary>
/// SASRec sequence files (Kang &amp; McAuley 2018): <c>user item</c> per line, grouped by user and in time order, no
/// times. Each line is a purchase event at a synthetic time that keeps the file's order. See docs/presets.md.
/// </summary>
public sealed class SasrecPreset : ImportPreset
{
    /// <summary>The synthetic clock's start, 2000-01-01T00:00:00Z in Unix seconds; line n is this + n seconds.</summary>
    public const long SyntheticEpochSeconds = 946_684_800;

    static readonly string[] Columns = ["user_id", "item_id"];
    static readonly int EventCustomer = CanonicalSchema.Events.Require("customer_id"), EventProduct = CanonicalSchema.Events.Require("product_id"),
        EventType = CanonicalSchema.Events.Require("type"), EventTime = CanonicalSchema.Events.Require("timestamp");

    readonly byte[] _seconds = new byte[20];

    public override string Name => "sasrec";
    public override string Description => "SASRec sequences (user item per line, time-ordered, no times) → purchase events at synthetic, order-keeping times";

    public override IReadOnlyList<Table> Tables => [Table.Events];

    public override RecordReader Open(SourceFile source) => SourceFormats.OpenDelimited(source, DelimitedDialect.SpaceSeparated, Columns);

    public override void Bind(SourceFile source, IReadOnlyList<string> header)
    {
    }

    public override bool Map(RecordReader record, RowSet rows, out Rejection rejection)
    {
        // Only the order of these times means anything: one second per line keeps each user's sequence in order.
        Utf8Formatter.TryFormat(SyntheticEpochSeconds + record.Line, _seconds, out var written);
        var e = rows[Table.Events];
        e.Set(EventCustomer, record.Field(0));
        e.Set(EventProduct, record.Field(1));
        // The sequences are Amazon reviews, which stand for purchases (docs/presets.md).
        e.Set(EventType, "purchase"u8);
        e.Set(EventTime, _seconds.AsSpan(0, written));
        rejection = default;
        return true;
    }
}
