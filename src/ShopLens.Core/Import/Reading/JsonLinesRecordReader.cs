using System.Text;
using System.Text.Json;

namespace ShopLens.Core.Import.Reading;

/// <summary>
/// JSON lines: one object per line, its top-level values as fields. The header is the union of the keys of the first
/// <see cref="HeaderLines"/> objects, in first-seen order; later keys outside it are ignored. A line that is not a
/// JSON object costs only that line (returned with an error), and reading resumes on the next.
/// </summary>
public sealed class JsonLinesRecordReader : RecordReader
{
    public const int MaxRecordBytes = DelimitedRecordReader.MaxRecordBytes;
    public const int HeaderLines = 1000;
    const int BufferBytes = 2 * MaxRecordBytes;
    const int RawTextBytes = 2048;

    readonly Stream _stream;
    readonly long? _length;
    readonly string _sourceName;
    byte[] _buf = new byte[BufferBytes];
    int _len, _pos;
    bool _eof;
    long _consumedBefore;
    long _nextLine = 1;

    // Lines read ahead to build the header, replayed before the stream is read again.
    readonly Queue<PendingLine> _pending = new();
    byte[][] _keys = [];

    // The current record: its line bytes, and each header field as a slice of them or of _scratch (unescaped strings).
    byte[] _record = [];
    int _recordStart, _recordLength;
    long _position;
    int[] _start = [], _fieldLength = [];
    bool[] _inScratch = [];
    byte[] _scratch = new byte[4096];
    int _scratchLen;
    int _count;

    JsonLinesRecordReader(Stream stream, string sourceName)
    {
        _stream = stream;
        _sourceName = sourceName;
        _length = stream.CanSeek ? stream.Length : null;
    }

    /// <summary>Opens a JSON lines stream (taking ownership of it) and reads ahead to build the header.</summary>
    public static JsonLinesRecordReader Open(Stream stream, string sourceName)
    {
        var reader = new JsonLinesRecordReader(stream, sourceName);
        try
        {
            reader.ReadHeader();
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    public override int FieldCount => _count;
    public override long Position => _position;
    public override long? Length => _length;

    public override ReadOnlySpan<byte> Field(int index) => _inScratch[index]
        ? _scratch.AsSpan(_start[index], _fieldLength[index])
        : _record.AsSpan(_start[index], _fieldLength[index]);

    public override string RawText() => Encoding.UTF8.GetString(_record, _recordStart, Math.Min(_recordLength, RawTextBytes));

    public override bool Read()
    {
        Error = null;
        _count = 0;
        if (_pending.TryDequeue(out var pending))
        {
            Line = pending.Line;
            _position = pending.Position;
            SetRecord(pending.Bytes, 0, pending.Bytes.Length);
            if (pending.TooLong) RejectTooLong();
            else ParseRecord();
            return true;
        }
        if (!NextLine(out var line, out var start, out var length, out var tooLong)) return false;
        Line = line;
        _position = _consumedBefore + _pos;
        if (tooLong)
        {
            SetRecord(_buf, start, length);
            RejectTooLong();
            return true;
        }
        SetRecord(_buf, start, length);
        ParseRecord();
        return true;
    }

    void ReadHeader()
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            SkipBom();
            while (_pending.Count < HeaderLines && NextLine(out var line, out var start, out var length, out var tooLong))
            {
                var bytes = _buf.AsSpan(start, length).ToArray();
                _pending.Enqueue(new PendingLine(line, bytes, tooLong, _consumedBefore + _pos));
                if (!tooLong) CollectKeys(bytes, names, seen);
            }
        }
        catch (InvalidDataException e)
        {
            throw new ImportException($"{_sourceName}: cannot be read near line {_nextLine} ({e.Message})", e);
        }
        Header = names;
        _keys = names.Select(Encoding.UTF8.GetBytes).ToArray();
        _start = new int[names.Count];
        _fieldLength = new int[names.Count];
        _inScratch = new bool[names.Count];
    }

    // The keys of a well-formed object line, in order; anything else contributes nothing (its error comes on Read).
    static void CollectKeys(byte[] line, List<string> names, HashSet<string> seen)
    {
        var found = new List<string>();
        var json = new Utf8JsonReader(line);
        try
        {
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject) return;
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                found.Add(json.GetString()!);
                json.Read();
                json.Skip();
            }
            if (json.Read()) return;
        }
        catch (JsonException)
        {
            return;
        }
        foreach (var name in found)
            if (seen.Add(name)) names.Add(name);
    }

    void SetRecord(byte[] bytes, int start, int length)
    {
        _record = bytes;
        _recordStart = start;
        _recordLength = length;
    }

    void RejectTooLong() => Error = $"record too long: over {MaxRecordBytes} bytes on one line";

    void ParseRecord()
    {
        var line = _record.AsSpan(_recordStart, _recordLength);
        _scratchLen = 0;
        for (var i = 0; i < _keys.Length; i++)
        {
            _start[i] = 0;
            _fieldLength[i] = 0;
            _inScratch[i] = false;
        }
        var json = new Utf8JsonReader(line);
        try
        {
            if (!json.Read()) { Error = "invalid JSON: the line is empty"; return; }
            if (json.TokenType != JsonTokenType.StartObject)
            {
                Error = $"invalid JSON: expected an object, found {Describe(json.TokenType)}";
                return;
            }
            var guess = 0;
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                var index = FindKey(ref json, guess);
                json.Read();
                if (index >= 0)
                {
                    StoreValue(ref json, index);
                    guess = index + 1;
                }
                else
                {
                    json.Skip();
                }
            }
            // Anything after the closing brace is an error the reader raises here.
            json.Read();
        }
        catch (JsonException e)
        {
            Error = $"invalid JSON: {ShortReason(e)}";
            return;
        }
        _count = _keys.Length;
    }

    // Keys usually come in header order, so the one after the last match is tried first.
    int FindKey(ref Utf8JsonReader json, int guess)
    {
        if (guess < _keys.Length && json.ValueTextEquals(_keys[guess])) return guess;
        for (var i = 0; i < _keys.Length; i++)
            if (i != guess && json.ValueTextEquals(_keys[i])) return i;
        return -1;
    }

    void StoreValue(ref Utf8JsonReader json, int index)
    {
        var recordOffset = _recordStart;
        switch (json.TokenType)
        {
            case JsonTokenType.String when json.ValueIsEscaped:
                var room = json.ValueSpan.Length;
                if (_scratchLen + room > _scratch.Length) Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchLen + room));
                var written = json.CopyString(_scratch.AsSpan(_scratchLen));
                Set(index, _scratchLen, written, true);
                _scratchLen += written;
                break;
            case JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                Set(index, recordOffset + (int)json.TokenStartIndex + (json.TokenType == JsonTokenType.String ? 1 : 0), json.ValueSpan.Length, false);
                break;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                var from = (int)json.TokenStartIndex;
                json.Skip();
                Set(index, recordOffset + from, (int)json.BytesConsumed - from, false);
                break;
            default:
                // null
                Set(index, 0, 0, false);
                break;
        }
    }

    void Set(int index, int start, int length, bool inScratch)
    {
        _start[index] = start;
        _fieldLength[index] = length;
        _inScratch[index] = inScratch;
    }

    static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    // The reader's messages end with " LineNumber: 0 | BytePositionInLine: 12."; keep the reason and the byte.
    static string ShortReason(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0) message = message[..cut];
        message = message.TrimEnd('.', ' ');
        return e.BytePositionInLine is { } at ? $"{message} (at byte {at})" : message;
    }

    // The next non-blank line, without its line break. tooLong: only its first RawTextBytes are kept.
    bool NextLine(out long line, out int start, out int length, out bool tooLong)
    {
        tooLong = false;
        while (true)
        {
            var nl = _buf.AsSpan(_pos, _len - _pos).IndexOf((byte)'\n');
            if (nl < 0 && !_eof && _len - _pos <= MaxRecordBytes)
            {
                Refill();
                continue;
            }
            if (nl < 0 && _pos >= _len)
            {
                line = 0;
                start = length = 0;
                return false;
            }
            line = _nextLine++;
            start = _pos;
            if (nl < 0 && !_eof)
            {
                tooLong = true;
                length = RawTextBytes;
                SkipRestOfLine();
                start = 0;
                return true;
            }
            var end = nl < 0 ? _len : _pos + nl;
            _pos = nl < 0 ? _len : end + 1;
            if (end > start && _buf[end - 1] == (byte)'\r') end--;
            length = end - start;
            if (length > MaxRecordBytes)
            {
                tooLong = true;
                length = RawTextBytes;
                return true;
            }
            if (!IsBlank(_buf.AsSpan(start, length))) return true;
        }
    }

    static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r"u8) < 0;

    // The line starts at _pos and runs past the buffer: keep its start (moved to 0) and discard up to its newline.
    void SkipRestOfLine()
    {
        Compact();
        var kept = RawTextBytes;
        var searchFrom = kept;
        while (true)
        {
            var nl = _buf.AsSpan(searchFrom, _len - searchFrom).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                _pos = searchFrom + nl + 1;
                return;
            }
            _consumedBefore += _len - kept;
            _len = kept;
            searchFrom = kept;
            var n = _stream.Read(_buf, _len, _buf.Length - _len);
            if (n == 0)
            {
                _eof = true;
                _pos = _len;
                return;
            }
            _len += n;
        }
    }

    void Refill()
    {
        Compact();
        while (_len < _buf.Length)
        {
            var n = _stream.Read(_buf, _len, _buf.Length - _len);
            if (n == 0)
            {
                _eof = true;
                break;
            }
            _len += n;
        }
    }

    void Compact()
    {
        if (_pos == 0) return;
        Buffer.BlockCopy(_buf, _pos, _buf, 0, _len - _pos);
        _consumedBefore += _pos;
        _len -= _pos;
        _pos = 0;
    }

    void SkipBom()
    {
        Refill();
        if (_len >= 3 && _buf[0] == 0xEF && _buf[1] == 0xBB && _buf[2] == 0xBF) _pos = 3;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _stream.Dispose();
        base.Dispose(disposing);
    }

    sealed record PendingLine(long Line, byte[] Bytes, bool TooLong, long Position);
}
