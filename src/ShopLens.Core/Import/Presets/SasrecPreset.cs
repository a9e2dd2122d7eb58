using System.Buffers.Text;
using System.Text;
using ShopLens.Core.Import.Reading;
using ShopLens.Core.Model;

namespace ShopLens.Core.Import.Presets;

/// <summary>
/// SASRec sequence files (Kang &amp; McAuley 2018): <c>user item</c> per line, grouped by user and in time order, no
/// times. Each line is a purchase event at a synthetic time that keeps the file's order, with an id made of the file's
/// name and the line number, so importing the file again finds duplicates. See docs/presets.md.
/// </summary>
public sealed class SasrecPreset : ImportPreset
{
    /// <summary>The synthetic clock's start, 2000-01-01T00:00:00Z in Unix seconds; line n is this + n seconds.</summary>
    public const long SyntheticEpochSeconds = 946_684_800;

    static readonly string[] Columns = ["user_id", "item_id"];
    static readonly int EventId = CanonicalSchema.Events.Require("event_id"), EventCustomer = CanonicalSchema.Events.Require("customer_id"),
        EventProduct = CanonicalSchema.Events.Require("product_id"), EventType = CanonicalSchema.Events.Require("type"),
        EventTime = CanonicalSchema.Events.Require("timestamp");

    readonly byte[] _seconds = new byte[20], _user = new byte[20], _item = new byte[20];
    byte[] _id = [];
    int _idPrefix;

    public override string Name => "sasrec";
    public override string Description => "SASRec sequences (user item per line, time-ordered, no times) → purchase events at synthetic, order-keeping times";

    public override IReadOnlyList<Table> Tables => [Table.Events];

    public override RecordReader Open(SourceFile source) => SourceFormats.OpenDelimited(source, DelimitedDialect.SpaceSeparated, Columns);

    public override void Bind(SourceFile source, IReadOnlyList<string> header)
    {
        // The file's name keeps two SASRec files in one store apart: by line number alone, Beauty.txt's line 5 would
        // count as a repeat of Video.txt's.
        var prefix = Encoding.UTF8.GetBytes(source.Name + ":");
        _id = new byte[prefix.Length + 20];
        prefix.CopyTo(_id, 0);
        _idPrefix = prefix.Length;
    }

    public override bool Map(RecordReader record, RowSet rows, out Rejection rejection)
    {
        if (!TryPositive(record.Field(0), "customer_id", "user", _user, out var user, out rejection)
            || !TryPositive(record.Field(1), "product_id", "item", _item, out var item, out rejection))
            return false;
        // Only the order of these times means anything: one second per line keeps each user's sequence in order.
        Utf8Formatter.TryFormat(SyntheticEpochSeconds + record.Line, _seconds, out var written);
        Utf8Formatter.TryFormat(record.Line, _id.AsSpan(_idPrefix), out var idDigits);
        var e = rows[Table.Events];
        e.Set(EventId, _id.AsSpan(0, _idPrefix + idDigits));
        e.Set(EventCustomer, user);
        e.Set(EventProduct, item);
        // The sequences are Amazon reviews, which stand for purchases (docs/presets.md).
        e.Set(EventType, "purchase"u8);
        e.Set(EventTime, _seconds.AsSpan(0, written));
        return true;
    }

    /// <summary>
    /// A SASRec id is a whole number from 1 (the files' 0 is the models' padding); it is kept in its plain decimal form,
    /// so that "07" and "7" are one user.
    /// </summary>
    static bool TryPositive(ReadOnlySpan<byte> field, string canonical, string what, byte[] buffer, out ReadOnlySpan<byte> id, out Rejection rejection)
    {
        id = default;
        rejection = default;
        if (Utf8Parser.TryParse(field, out long value, out var used) && used == field.Length && value > 0)
        {
            Utf8Formatter.TryFormat(value, buffer, out var written);
            id = buffer.AsSpan(0, written);
            return true;
        }
        var shown = Encoding.UTF8.GetString(field[..Math.Min(field.Length, 40)]);
        rejection = new("invalid_id", canonical, $"{what} '{shown}' is not a whole number from 1 (SASRec ids are 1-based)");
        return false;
    }
}
