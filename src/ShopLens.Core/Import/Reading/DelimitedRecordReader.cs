using System.Buffers;
using System.Text;

namespace ShopLens.Core.Import.Reading;

/// <summary>
/// CSV (RFC 4180 quoting), TSV or whitespace-separated text, read as UTF-8 bytes with exact physical line numbers.
/// A record longer than <see cref="MaxRecordBytes"/>, a quote that never closes, or a quoted field that swallows
/// following lines costs only its first line: that line is returned with an error and reading resumes on the next.
/// </summary>
public sealed class DelimitedRecordReader : RecordReader
{
    public const int MaxRecordBytes = 1 << 20;
    const int BufferBytes = 4 * MaxRecordBytes;

    readonly Stream _stream;
    readonly byte _delimiter;
    readonly bool _whitespace;
    readonly bool _quoting;
    readonly int _expectedFields;
    readonly SearchValues<byte> _fieldEnds;
    readonly long? _length;
    byte[] _buf = new byte[BufferBytes];
    int _len, _pos;
    bool _eof;
    long _consumedBefore;
    long _nextLine = 1;

    int[] _start = new int[64], _end = new int[64];
    bool[] _inScratch = new bool[64];
    int _count;
    byte[] _scratch = new byte[4096];
    int _scratchLen;
    int _recordStart, _recordEnd;

    DelimitedRecordReader(Stream stream, long? length, byte delimiter, bool whitespace, bool quoting, int expectedFields)
    {
        _stream = stream;
        _length = length;
        _delimiter = delimiter;
        _whitespace = whitespace;
        _quoting = quoting;
        _expectedFields = expectedFields;
        _fieldEnds = whitespace ? SearchValues.Create(" \t\n"u8) : SearchValues.Create([delimiter, (byte)'\n']);
    }

    /// <summary>Opens a delimited stream. With <paramref name="header"/> null the first record is the header.</summary>
    public static DelimitedRecordReader Open(Stream stream, long? length, DelimitedDialect dialect, IReadOnlyList<string>? header)
    {
        var expected = header?.Count ?? 0;
        var reader = new DelimitedRecordReader(stream, length, dialect.Delimiter, dialect.Whitespace, dialect.Quoting, expected);
        reader.SkipBom();
        if (header is not null)
        {
            reader.Header = header;
            return reader;
        }
        if (!reader.Read())
            return reader;
        if (reader.Error is not null)
            throw new ImportException($"line {reader.Line}: the header cannot be read ({reader.Error})");
        var names = new string[reader.FieldCount];
        for (var i = 0; i < names.Length; i++)
            names[i] = Encoding.UTF8.GetString(reader.Field(i)).Trim();
        reader.Header = names;
        return reader;
    }

    public override int FieldCount => _count;
    public override long Position => _consumedBefore + _pos;
    public override long? Length => _length;

    public override ReadOnlySpan<byte> Field(int index) =>
        _inScratch[index] ? _scratch.AsSpan(_start[index], _end[index] - _start[index]) : _buf.AsSpan(_start[index], _end[index] - _start[index]);

    public override string RawText()
    {
        var raw = _buf.AsSpan(_recordStart, Math.Min(_recordEnd - _recordStart, 2048));
        return Encoding.UTF8.GetString(raw).TrimEnd('\r', '\n');
    }

    public override bool Read()
    {
        while (true)
        {
            Error = null;
            var parsed = TryParseRecord(out var lines, out var needMore);
            if (needMore)
            {
                if (_eof) return FinishAtEof();
                if (!Refill()) RejectOversizedRecord();
                else continue;
                return true;
            }
            if (!parsed) return false;
            Line = _nextLine;
            if (IsBlank()) { _nextLine += lines; continue; }
            if (_recordEnd - _recordStart > MaxRecordBytes)
            {
                if (lines > 1)
                {
                    RejectFirstLine($"record too long: over {MaxRecordBytes} bytes (a quote that never closes?)");
                    return true;
                }
                _count = 0;
                Error = $"record too long: over {MaxRecordBytes} bytes on one line";
                _nextLine += lines;
                return true;
            }
            if (lines > 1 && (Error is not null || (_expectedFields > 0 && _count != _expectedFields)))
            {
                // A stray quote joined several lines into one record: give up only its first line.
                RejectFirstLine("malformed quotes: a quoted field runs past the end of its line");
                return true;
            }
            _nextLine += lines;
            return true;
        }
    }

    bool IsBlank() => _count == 1 && _end[0] == _start[0] && !_inScratch[0];

    // Parses one record at _pos. needMore: the buffer ended inside the record (the record is untouched).
    bool TryParseRecord(out int lines, out bool needMore)
    {
        lines = 1;
        needMore = false;
        _count = 0;
        _scratchLen = 0;
        var p = _pos;
        if (p >= _len)
        {
            needMore = !_eof;
            return false;
        }
        if (_whitespace)
            while (p < _len && _buf[p] is (byte)' ' or (byte)'\t') p++;
        while (true)
        {
            if (p >= _len) { needMore = true; return false; }
            if (_quoting && _buf[p] == (byte)'"')
            {
                var q = ParseQuoted(p, ref lines);
                if (q < 0) { needMore = true; return false; }
                p = q;
                if (p >= _len) { needMore = true; return false; }
                var c = _buf[p];
                if (c != _delimiter && c != (byte)'\n' && !(c == (byte)'\r' && p + 1 < _len && _buf[p + 1] == (byte)'\n') && !(_whitespace && c is (byte)' ' or (byte)'\t'))
                    return StrayQuote(p, out needMore);
                if (c == (byte)'\r') p++;
            }
            else
            {
                var rel = _buf.AsSpan(p, _len - p).IndexOfAny(_fieldEnds);
                if (rel < 0) { needMore = true; return false; }
                var e = p + rel;
                var fieldEnd = e;
                if (_buf[e] == (byte)'\n' && fieldEnd > p && _buf[fieldEnd - 1] == (byte)'\r') fieldEnd--;
                AddField(p, fieldEnd, false);
                p = e;
            }
            var sep = _buf[p];
            if (sep == (byte)'\n')
            {
                EndRecord(p + 1);
                return true;
            }
            p++;
            if (_whitespace)
            {
                while (p < _len && _buf[p] is (byte)' ' or (byte)'\t') p++;
                if (p < _len && _buf[p] is (byte)'\n' or (byte)'\r')
                {
                    if (_buf[p] == (byte)'\r') p++;
                    if (p >= _len) { needMore = true; return false; }
                    EndRecord(p + 1);
                    return true;
                }
            }
        }
    }

    // Returns the position after the closing quote, or -1 when the buffer ends first.
    int ParseQuoted(int p, ref int lines)
    {
        var fieldStart = _scratchLen;
        p++;
        while (true)
        {
            var rel = _buf.AsSpan(p, _len - p).IndexOfAny((byte)'"', (byte)'\n');
            if (rel < 0) return -1;
            var q = p + rel;
            if (_buf[q] == (byte)'\n')
            {
                lines++;
                AppendScratch(p, q + 1);
                p = q + 1;
                continue;
            }
            if (q + 1 >= _len) return _eof ? CloseQuoted(fieldStart, p, q) : -1;
            if (_buf[q + 1] == (byte)'"')
            {
                AppendScratch(p, q + 1);
                p = q + 2;
                continue;
            }
            return CloseQuoted(fieldStart, p, q);
        }
    }

    int CloseQuoted(int fieldStart, int p, int q)
    {
        AppendScratch(p, q);
        AddField(fieldStart, _scratchLen, true);
        return q + 1;
    }

    bool StrayQuote(int p, out bool needMore)
    {
        // Text after a closing quote: the record is rejected whole, up to the end of the line it reached.
        var nl = _buf.AsSpan(p, _len - p).IndexOf((byte)'\n');
        needMore = nl < 0;
        if (needMore) return false;
        EndRecord(p + nl + 1);
        _count = 0;
        Error = "malformed quotes: text after a closing quote";
        return true;
    }

    void AppendScratch(int from, int to)
    {
        var n = to - from;
        if (_scratchLen + n > _scratch.Length) Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchLen + n));
        _buf.AsSpan(from, n).CopyTo(_scratch.AsSpan(_scratchLen));
        _scratchLen += n;
    }

    void AddField(int start, int end, bool inScratch)
    {
        if (_count == _start.Length)
        {
            Array.Resize(ref _start, _count * 2);
            Array.Resize(ref _end, _count * 2);
            Array.Resize(ref _inScratch, _count * 2);
        }
        _start[_count] = start;
        _end[_count] = end;
        _inScratch[_count] = inScratch;
        _count++;
    }

    void EndRecord(int next)
    {
        _recordStart = _pos;
        _recordEnd = next;
        _pos = next;
    }

    void RejectFirstLine(string reason)
    {
        var nl = _buf.AsSpan(_recordStart, _recordEnd - _recordStart).IndexOf((byte)'\n');
        _recordEnd = _recordStart + nl + 1;
        _pos = _recordEnd;
        _count = 0;
        Error = reason;
        _nextLine++;
    }

    bool FinishAtEof()
    {
        if (_pos >= _len) return false;
        // The last record has no newline: add one and parse it again.
        Compact();
        if (_len == _buf.Length) Array.Resize(ref _buf, _len + 1);
        if (_buf[_len - 1] != (byte)'\n')
        {
            _buf[_len++] = (byte)'\n';
            return Read();
        }
        // The newline is there, so only an unterminated quote can have stopped the parse.
        var nl = _buf.AsSpan(_pos, _len - _pos).IndexOf((byte)'\n');
        _recordStart = _pos;
        _recordEnd = _pos + nl + 1;
        _pos = _recordEnd;
        Line = _nextLine++;
        _count = 0;
        Error = "malformed quotes: a quote is never closed";
        return true;
    }

    // Moves the unread part to the front and reads more; false when the record alone fills the buffer.
    bool Refill()
    {
        if (_pos == 0 && _len == _buf.Length) return false;
        Compact();
        while (_len < _buf.Length)
        {
            var n = _stream.Read(_buf, _len, _buf.Length - _len);
            if (n == 0) { _eof = true; break; }
            _len += n;
        }
        return true;
    }

    void Compact()
    {
        if (_pos == 0) return;
        Buffer.BlockCopy(_buf, _pos, _buf, 0, _len - _pos);
        _consumedBefore += _pos;
        _len -= _pos;
        _pos = 0;
    }

    void RejectOversizedRecord()
    {
        // The record starts at 0 and fills the buffer: if a newline is in its first MaxRecordBytes, the
        // overflow came from an open quote, so only the first line goes; otherwise skip to the next newline.
        Line = _nextLine;
        _count = 0;
        var nl = _buf.AsSpan(0, MaxRecordBytes).IndexOf((byte)'\n');
        _recordStart = 0;
        if (nl >= 0)
        {
            _recordEnd = _pos = nl + 1;
            _nextLine++;
            Error = "malformed quotes: a quoted field runs past the end of its line";
            return;
        }
        Error = $"record too long: over {MaxRecordBytes} bytes on one line";
        _recordEnd = Math.Min(_len, 2048);
        var skipped = SkipPastNewline();
        _nextLine++;
        _pos = skipped;
    }

    int SkipPastNewline()
    {
        while (true)
        {
            var nl = _buf.AsSpan(MaxRecordBytes, _len - MaxRecordBytes).IndexOf((byte)'\n');
            if (nl >= 0) return MaxRecordBytes + nl + 1;
            // Keep the start (for RawText) and drop the rest.
            _consumedBefore += _len - MaxRecordBytes;
            _len = MaxRecordBytes;
            var n = _stream.Read(_buf, _len, _buf.Length - _len);
            if (n == 0) { _eof = true; return _len; }
            _len += n;
        }
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
}
