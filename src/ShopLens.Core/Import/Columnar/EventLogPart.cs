using ShopLens.Core.Import.Parsing;
using ShopLens.Core.Import.Reading;
using ShopLens.Core.Model;
using ShopLens.Core.Store;

namespace ShopLens.Core.Import.Columnar;

/// <summary>
/// One thread's share of an <see cref="EventLogReader"/> read, with its own dictionaries. It writes into its slice of
/// the shared columns; rows beyond the slice (the size was an estimate) go to private columns of its own.
/// </summary>
sealed class EventLogPart
{
    public readonly IdDictionary Customers = new(), Products = new(), Categories = new();
    public readonly Dictionary<string, long> ByReason = new(StringComparer.Ordinal);
    public long Rejected;
    readonly char[] _chars = new char[Staging.TableStager.MaxIdChars];
    readonly List<(EventColumns Columns, int Offset, int Capacity)> _segments = [];
    readonly List<int> _counts = [];
    EventColumns _cols;
    int _at, _end;

    public EventLogPart(EventColumns shared, int offset, int capacity)
    {
        _cols = shared;
        _at = offset;
        _end = offset + capacity;
        _segments.Add((shared, offset, capacity));
        _counts.Add(0);
    }

    /// <summary>Rows kept, over all segments.</summary>
    public int Count => _counts.Sum();

    /// <summary>Where the rows are: (columns, first row, count) per segment, the shared slice first.</summary>
    public IEnumerable<(EventColumns Columns, int Offset, int Count)> Segments =>
        _segments.Select((s, i) => (s.Columns, s.Offset, _counts[i]));

    /// <summary>Column positions in the file: customer, product, category, type, timestamp, price, quantity (-1 when absent).</summary>
    public void ReadAll(RecordReader reader, int[] at)
    {
        var expected = reader.Header.Count;
        while (reader.Read())
        {
            if (reader.Error is not null) { Reject("unreadable"); continue; }
            if (reader.FieldCount != expected) { Reject("field_count"); continue; }
            if (_at == _end) Grow();
            var i = _at;
            var (customer, product, category, type, micros, price, quantity) = (_cols.Customer, _cols.Product, _cols.Category, _cols.Type, _cols.Micros, _cols.Price, _cols.Quantity);
            if (!EventTypes.TryParse(NumberParser.Trim(reader.Field(at[3])), out var eventType)) { Reject("unknown_type:type"); continue; }
            type[i] = (byte)eventType;
            if (!TimestampParser.TryParse(NumberParser.Trim(reader.Field(at[4])), out micros[i])) { Reject("bad_timestamp:timestamp"); continue; }
            if (at[5] < 0 || NumberParser.Trim(reader.Field(at[5])).IsEmpty) price[i] = double.NaN;
            else if (!NumberParser.TryParseDouble(reader.Field(at[5]), out price[i]) || price[i] < 0) { Reject("bad_number:price"); continue; }
            if (at[6] < 0) { }
            else if (NumberParser.Trim(reader.Field(at[6])).IsEmpty) quantity[i] = -1;
            else if (!NumberParser.TryParseLong(reader.Field(at[6]), out var q) || q is < 0 or > int.MaxValue) { Reject("bad_number:quantity"); continue; }
            else quantity[i] = (int)q;
            // Ids last: a rejected row must not leave a customer with no events behind in the dictionary.
            if (!TryId(reader.Field(at[0]), Customers, out customer[i])) { Reject("missing:customer_id"); continue; }
            product[i] = at[1] < 0 || !TryId(reader.Field(at[1]), Products, out var p) ? -1 : p;
            category[i] = at[2] < 0 || !TryId(reader.Field(at[2]), Categories, out var c) ? -1 : c;
            _at++;
            _counts[^1]++;
        }
    }

    bool TryId(ReadOnlySpan<byte> utf8, IdDictionary dictionary, out int key)
    {
        utf8 = NumberParser.Trim(utf8);
        key = utf8.IsEmpty ? -1 : dictionary.GetOrAdd(utf8, _chars);
        return key >= 0;
    }

    void Reject(string reason)
    {
        Rejected++;
        ByReason[reason] = ByReason.GetValueOrDefault(reason) + 1;
    }

    void Grow()
    {
        var rows = Math.Max(1 << 16, _segments[^1].Capacity);
        _cols = new EventColumns(rows, _cols.Quantity.Length > 0);
        _segments.Add((_cols, 0, rows));
        _counts.Add(0);
        (_at, _end) = (0, rows);
    }
}
