using System.Text;
using ShopLens.Core.Import.Parsing;
using ShopLens.Core.Import.Reading;
using ShopLens.Core.Model;

namespace ShopLens.Core.Import.Presets;

/// <summary>
/// CDNOW purchases (Fader &amp; Hardie 2001): <c>CDNOW_master.txt</c> (customer_id date number_of_cds dollar_value,
/// with or without lifetimes' header line) or <c>CDNOW_sample.txt</c> (master_id sample_id date cds dollars).
/// Each line is one order with an amount and no order lines. See docs/presets.md.
/// </summary>
public sealed class CdnowPreset : ImportPreset
{
    static readonly string[] MasterColumns = ["customer_id", "date", "number_of_cds", "dollar_value"];
    static readonly string[] SampleColumns = ["master_id", "sample_id", "date", "number_of_cds", "dollar_value"];
    static readonly int OrderId = CanonicalSchema.Orders.Require("order_id"), OrderCustomer = CanonicalSchema.Orders.Require("customer_id"),
        OrderTime = CanonicalSchema.Orders.Require("timestamp"), OrderStatusColumn = CanonicalSchema.Orders.Require("status"),
        OrderAmount = CanonicalSchema.Orders.Require("amount");

    readonly byte[] _isoDate = new byte[10];
    int _customer, _date, _dollars;

    public override string Name => "cdnow";
    public override string Description => "CDNOW master or sample (whitespace-separated customer, YYYYMMDD date, CDs, dollars) → orders";

    public override IReadOnlyList<Table> Tables => [Table.Orders];

    public override RecordReader Open(SourceFile source)
    {
        // Hardie's files have no header; lifetimes' copy of the master has one, which the reader then takes as the header.
        var first = FirstLine(source);
        var fields = first?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) ?? [];
        var headerLine = fields.Length > 0 && !char.IsAsciiDigit(fields[0][0]);
        return SourceFormats.OpenDelimited(source, DelimitedDialect.SpaceSeparated,
            headerLine ? null : fields.Length == SampleColumns.Length ? SampleColumns : MasterColumns);
    }

    public override void Bind(SourceFile source, IReadOnlyList<string> header)
    {
        // The layout is told by the number of fields: 4 in the master, 5 in the sample.
        (_customer, _date, _dollars) = header.Count switch
        {
            4 => (0, 1, 3),
            // The sample's own id (0001-2357) is the ID of cdnow_customers_summary.csv, so it names the customer.
            5 => (1, 2, 4),
            _ => throw new ImportException(
                $"{source.Name}: {header.Count} fields per line; CDNOW files have 4 ({string.Join(" ", MasterColumns)}) or 5 ({string.Join(" ", SampleColumns)})"),
        };
    }

    public override bool Map(RecordReader record, RowSet rows, out Rejection rejection)
    {
        var date = NumberParser.Trim(record.Field(_date));
        if (date.Length != 8 || date.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            rejection = new("bad_timestamp", "timestamp", $"date '{Encoding.UTF8.GetString(date[..Math.Min(date.Length, 40)])}' is not YYYYMMDD");
            return false;
        }
        // YYYYMMDD would read as Unix seconds; spelled as an ISO date it is that day at 00:00 UTC.
        date[..4].CopyTo(_isoDate);
        _isoDate[4] = (byte)'-';
        date[4..6].CopyTo(_isoDate.AsSpan(5));
        _isoDate[7] = (byte)'-';
        date[6..8].CopyTo(_isoDate.AsSpan(8));

        var customer = WithoutLeadingZeros(NumberParser.Trim(record.Field(_customer)));
        var order = rows[Table.Orders];
        // The line number keeps repeated same-day purchases apart and makes a re-import find the same ids.
        order.Set(OrderId, $"cdnow-{Encoding.UTF8.GetString(customer)}-{record.Line}");
        order.Set(OrderCustomer, customer);
        order.Set(OrderTime, _isoDate);
        order.Set(OrderStatusColumn, "completed"u8);
        order.Set(OrderAmount, record.Field(_dollars));
        rejection = default;
        return true;
    }

    // 00004 and 4 are the same customer: the ids are zero-padded numbers (and cdnow_customers_summary.csv writes 4).
    static ReadOnlySpan<byte> WithoutLeadingZeros(ReadOnlySpan<byte> id)
    {
        if (id.ContainsAnyExceptInRange((byte)'0', (byte)'9')) return id;
        var i = 0;
        while (i < id.Length - 1 && id[i] == (byte)'0') i++;
        return id[i..];
    }

    static string? FirstLine(SourceFile source)
    {
        using var text = new StreamReader(SourceFormats.OpenText(source), Encoding.UTF8);
        var head = new char[1 << 16];
        var n = text.ReadBlock(head);
        return new string(head, 0, n).Split('\n').FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
    }
}
