using System.Text;
using System.Text.Unicode;
using ShopLens.Core.Import.Parsing;
using ShopLens.Core.Model;
using ShopLens.Core.Store;

namespace ShopLens.Core.Import.Staging;

/// <summary>
/// Parses and checks one table's rows and stages them: <see cref="TryParse"/> fills the next slot (or says why
/// the row is rejected), <see cref="Commit"/> keeps it. Ids are checked here and dictionary-encoded on the
/// writer's thread (<see cref="ChunkEncoder"/>), so the two cores share the work.
/// </summary>
sealed class TableStager
{
    public const int MaxIdChars = 256;
    public const int MaxTextBytes = 65536;

    readonly CanonicalTable _table;
    readonly bool[] _dropWhenMissing;
    readonly StagingWriter _writer;
    readonly int _index;
    readonly char[] _idChars = new char[MaxIdChars];
    StagingChunk _chunk;

    public TableStager(CanonicalTable table, StagingWriter writer, int index, IReadOnlySet<string> dropWhenMissing)
    {
        _table = table;
        _writer = writer;
        _index = index;
        _dropWhenMissing = table.Columns.Select(c => dropWhenMissing.Contains(c.Name)).ToArray();
        _chunk = writer.Rent(index);
    }

    /// <summary>Rows staged, repeats within the batch excluded (valid after <see cref="Complete"/>).</summary>
    public long Staged => _committed - _writer.Encoders[_index].DuplicatesInBatch;

    /// <summary>Rows not staged because an earlier row of the batch had the same key (events only).</summary>
    public long DuplicatesInBatch => _writer.Encoders[_index].DuplicatesInBatch;

    /// <summary>True when every repeat within the batch was already found (see <see cref="EventDeduplicator"/>).</summary>
    public bool DeduplicatedInBatch => _writer.Encoders[_index].DeduplicatedInBatch;

    long _committed;
    int _committedIdBytes;

    public bool TryParse(CanonicalRow row, out Rejection rejection)
    {
        var r = _chunk.Count;
        _chunk.IdBytesUsed = _committedIdBytes;
        var columns = _table.Columns;
        for (var c = 0; c < columns.Count; c++)
        {
            var value = row.Get(c);
            var column = columns[c];
            if (IsBlank(value))
            {
                if (column.Required) { rejection = new("missing", column.Name, $"{column.Name} is empty"); return false; }
                if (_dropWhenMissing[c]) { rejection = new("missing_dropped", column.Name, $"{column.Name} is empty (dropped as asked)"); return false; }
                _chunk.Missing[c][r] = true;
                if (column.Kind == ColumnKind.OrderStatusName)
                {
                    _chunk.Missing[c][r] = false;
                    _chunk.Texts[c][r] = OrderStatus.Completed;
                }
                continue;
            }
            _chunk.Missing[c][r] = false;
            if (!TryParseValue(column, value, c, r, out rejection)) return false;
        }
        rejection = default;
        return true;
    }

    /// <summary>Keeps the parsed row.</summary>
    public void Commit(long line)
    {
        _chunk.Lines[_chunk.Count++] = line;
        _committedIdBytes = _chunk.IdBytesUsed;
        _committed++;
        if (_chunk.IsFull) Flush();
    }

    /// <summary>Hands over the last, partly filled chunk.</summary>
    public void Complete() => Flush();

    void Flush()
    {
        if (_chunk.Count == 0) return;
        _writer.Write(_index, _chunk);
        _chunk = _writer.Rent(_index);
        _committedIdBytes = 0;
    }

    static bool IsBlank(ReadOnlySpan<byte> value)
    {
        foreach (var b in value)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r')) return false;
        return true;
    }

    bool TryParseValue(CanonicalColumn column, ReadOnlySpan<byte> value, int c, int r, out Rejection rejection)
    {
        rejection = default;
        var name = column.Name;
        switch (column.Kind)
        {
            case ColumnKind.CustomerRef or ColumnKind.ProductRef:
                if (!TryDecodeId(value, name, out _, out rejection)) return false;
                _chunk.SetId(c, r, NumberParser.Trim(value));
                return true;
            case ColumnKind.Id:
                if (!TryDecodeId(value, name, out var id, out rejection)) return false;
                _chunk.Texts[c][r] = id.ToString();
                return true;
            case ColumnKind.Text:
                if (value.Length > MaxTextBytes) { rejection = new("too_long", name, $"{name} is {value.Length} bytes, over {MaxTextBytes}"); return false; }
                if (!Utf8.IsValid(value)) { rejection = new("invalid_utf8", name, $"{name} is not valid UTF-8"); return false; }
                _chunk.Texts[c][r] = Encoding.UTF8.GetString(NumberParser.Trim(value));
                return true;
            case ColumnKind.Timestamp:
                if (!TimestampParser.TryParse(NumberParser.Trim(value), out var micros))
                    return Fail(out rejection, "bad_timestamp", name, value, "is not a timestamp from 1970 to 2099 (ISO 8601, Unix seconds or milliseconds)");
                _chunk.Numbers[c][r] = micros;
                return true;
            case ColumnKind.Amount or ColumnKind.Fraction:
                if (!NumberParser.TryParseDouble(value, out var d)) return Fail(out rejection, "bad_number", name, value, "is not a number");
                if (d < 0) return Fail(out rejection, "negative", name, value, "is negative");
                if (column.Kind == ColumnKind.Fraction && d > 1) return Fail(out rejection, "out_of_range", name, value, "is not between 0 and 1");
                _chunk.Reals[c][r] = d;
                return true;
            case ColumnKind.Count:
                if (!NumberParser.TryParseLong(value, out var n)) return Fail(out rejection, "bad_number", name, value, "is not a whole number");
                if (n < 0) return Fail(out rejection, "negative", name, value, "is negative");
                if (n > int.MaxValue) return Fail(out rejection, "out_of_range", name, value, "is too large");
                _chunk.Numbers[c][r] = n;
                return true;
            case ColumnKind.Rating:
                if (!NumberParser.TryParseLong(value, out var stars) || stars is < 1 or > 5)
                    return Fail(out rejection, "out_of_range", name, value, "is not a rating from 1 to 5");
                _chunk.Numbers[c][r] = stars;
                return true;
            case ColumnKind.EventTypeName:
                if (!EventTypes.TryParse(NumberParser.Trim(value), out var type))
                    return Fail(out rejection, "unknown_type", name, value, "is not one of view, click, search, favorite, cart, remove_cart, purchase, refund");
                _chunk.Numbers[c][r] = (long)type;
                return true;
            case ColumnKind.OrderStatusName:
                var known = KnownStatus(Encoding.UTF8.GetString(NumberParser.Trim(value)).ToLowerInvariant());
                if (known is null) return Fail(out rejection, "unknown_status", name, value, $"is not one of {string.Join(", ", OrderStatus.All)}");
                _chunk.Texts[c][r] = known;
                return true;
            default:
                throw new InvalidOperationException($"no parser for {column.Kind}");
        }
    }

    // A lambda here would allocate its closure on every call of TryParseValue (the switch shares one scope).
    static string? KnownStatus(string status)
    {
        foreach (var s in OrderStatus.All)
            if (s == status) return s;
        return status == "canceled" ? OrderStatus.Cancelled : null;
    }

    bool TryDecodeId(ReadOnlySpan<byte> value, string name, out ReadOnlySpan<char> id, out Rejection rejection)
    {
        id = default;
        rejection = default;
        value = NumberParser.Trim(value);
        if (value.Length > MaxIdChars * 4 || Utf8.ToUtf16(value, _idChars, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            rejection = value.Length > MaxIdChars
                ? new("too_long", name, $"{name} is longer than {MaxIdChars} characters")
                : new("invalid_utf8", name, $"{name} is not valid UTF-8");
            return false;
        }
        id = _idChars.AsSpan(0, written);
        foreach (var ch in id)
        {
            if (char.IsControl(ch)) { rejection = new("invalid_id", name, $"{name} contains control characters"); return false; }
        }
        return true;
    }

    static bool Fail(out Rejection rejection, string reason, string field, ReadOnlySpan<byte> value, string what)
    {
        var shown = Encoding.UTF8.GetString(value[..Math.Min(value.Length, 40)]);
        rejection = new(reason, field, $"{field} '{shown}' {what}");
        return false;
    }

}
