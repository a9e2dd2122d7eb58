using System.Buffers;
using System.Globalization;
using System.Text;

namespace ShopLens.Core.Synthetic;

/// <summary>
/// Writes CSV rows fast and byte-for-byte reproducibly: UTF-8 without BOM, <c>\n</c> line ends, RFC 4180 quoting
/// of fields that hold a comma, quote or line break, invariant number formats, UTC times as <c>yyyy-MM-ddTHH:mm:ssZ</c>.
/// Rows are assembled in a char buffer and handed to a large-buffered <see cref="StreamWriter"/>.
/// </summary>
sealed class CsvRowWriter : IDisposable
{
    static readonly SearchValues<char> NeedsQuoting = SearchValues.Create(",\"\r\n");
    static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    readonly StreamWriter _writer;
    char[] _buffer = new char[1 << 16];
    int _length;
    bool _rowStarted;

    public CsvRowWriter(string path)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        _writer = new StreamWriter(stream, Utf8NoBom, 1 << 16);
    }

    /// <summary>Rows written, not counting the header.</summary>
    public long Rows { get; private set; }

    public void Header(IEnumerable<string> columns)
    {
        foreach (var c in columns) Text(c);
        _rowStarted = false;
        Append('\n');
    }

    /// <summary>A text field, quoted when it needs to be.</summary>
    public void Text(ReadOnlySpan<char> value)
    {
        Separator();
        if (value.IndexOfAny(NeedsQuoting) < 0)
        {
            Append(value);
            return;
        }
        Append('"');
        foreach (var ch in value)
        {
            if (ch == '"') Append('"');
            Append(ch);
        }
        Append('"');
    }

    public void Empty() => Separator();

    /// <summary>An id made of a letter and a zero-padded number, such as <c>E000000042</c>.</summary>
    public void Id(char prefix, long number, int digits)
    {
        Separator();
        var span = Reserve(digits + 21);
        span[0] = prefix;
        number.TryFormat(span[1..], out var text, default, CultureInfo.InvariantCulture);
        if (text < digits)
        {
            // Overlapping copy is safe: Span.CopyTo behaves like memmove.
            span.Slice(1, text).CopyTo(span[(1 + digits - text)..]);
            span.Slice(1, digits - text).Fill('0');
            text = digits;
        }
        _length += 1 + text;
    }

    public void Integer(long value)
    {
        Separator();
        value.TryFormat(Reserve(20), out var n, default, CultureInfo.InvariantCulture);
        _length += n;
    }

    /// <summary>An amount in hundredths as a decimal with two places (<c>8900</c> ⇒ <c>89.00</c>); also used for percentages as fractions.</summary>
    public void Hundredths(long value)
    {
        Separator();
        var span = Reserve(24);
        var i = 0;
        if (value < 0)
        {
            span[i++] = '-';
            value = -value;
        }
        (value / 100).TryFormat(span[i..], out var n, default, CultureInfo.InvariantCulture);
        i += n;
        var cents = (int)(value % 100);
        span[i++] = '.';
        span[i++] = (char)('0' + cents / 10);
        span[i++] = (char)('0' + cents % 10);
        _length += i;
    }

    /// <summary>A real number in plain decimal notation, rounded to <paramref name="decimals"/> places.</summary>
    public void Real(double value, int decimals = 8)
    {
        Separator();
        value.TryFormat(Reserve(400), out var n, RealFormats[Math.Clamp(decimals, 0, RealFormats.Length - 1)], CultureInfo.InvariantCulture);
        _length += n;
    }

    static readonly string[] RealFormats = [.. Enumerable.Range(0, 16).Select(d => d == 0 ? "0" : "0." + new string('#', d))];

    public void Boolean(bool value) => Text(value ? "true" : "false");

    /// <summary>A UTC time given in Unix seconds, as <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public void Time(long unixSeconds)
    {
        Separator();
        var span = Reserve(20);
        var days = Math.DivRem(unixSeconds, 86400L, out var secondOfDay);
        if (secondOfDay < 0)
        {
            days--;
            secondOfDay += 86400;
        }
        // Howard Hinnant's days_from_civil inverse ("civil_from_days"), proleptic Gregorian calendar.
        var z = days + 719468;
        var era = (z >= 0 ? z : z - 146096) / 146097;
        var doe = z - era * 146097;
        var yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        var doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        var mp = (5 * doy + 2) / 153;
        var day = doy - (153 * mp + 2) / 5 + 1;
        var month = mp < 10 ? mp + 3 : mp - 9;
        var year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        Digits(span, 0, year, 4);
        span[4] = '-';
        Digits(span, 5, month, 2);
        span[7] = '-';
        Digits(span, 8, day, 2);
        span[10] = 'T';
        Digits(span, 11, secondOfDay / 3600, 2);
        span[13] = ':';
        Digits(span, 14, secondOfDay / 60 % 60, 2);
        span[16] = ':';
        Digits(span, 17, secondOfDay % 60, 2);
        span[19] = 'Z';
        _length += 20;
    }

    static void Digits(Span<char> span, int at, long value, int width)
    {
        for (var i = at + width - 1; i >= at; i--)
        {
            span[i] = (char)('0' + value % 10);
            value /= 10;
        }
    }

    public void EndRow()
    {
        _rowStarted = false;
        Append('\n');
        Rows++;
    }

    void Separator()
    {
        if (_rowStarted) Append(',');
        _rowStarted = true;
    }

    void Append(char c)
    {
        if (_length == _buffer.Length) Flush();
        _buffer[_length++] = c;
    }

    void Append(ReadOnlySpan<char> text)
    {
        text.CopyTo(Reserve(text.Length));
        _length += text.Length;
    }

    Span<char> Reserve(int count)
    {
        if (_length + count > _buffer.Length)
        {
            Flush();
            if (count > _buffer.Length) _buffer = new char[count * 2];
        }
        return _buffer.AsSpan(_length, count);
    }

    void Flush()
    {
        _writer.Write(_buffer, 0, _length);
        _length = 0;
    }

    public void Dispose()
    {
        Flush();
        _writer.Dispose();
    }
}
