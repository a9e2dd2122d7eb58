using System.Buffers.Text;

namespace ShopLens.Core.Import.Parsing;

/// <summary>
/// Parses timestamps from UTF-8 text into microseconds since the Unix epoch (UTC): ISO 8601 dates and date-times
/// (<c>2024-03-05</c>, <c>2024-03-05T20:14:07.123Z</c>, <c>2024-03-05 20:14:07+08:00</c>; no offset means UTC),
/// Unix seconds (may have a fraction) and Unix milliseconds (13 digits or more).
/// </summary>
public static class TimestampParser
{
    public const long MicrosPerSecond = 1_000_000;
    static readonly long MinMicros = ToMicros(new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    static readonly long MaxMicros = ToMicros(new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    public static long ToMicros(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / 10;

    public static DateTime FromMicros(long micros) => new(DateTime.UnixEpoch.Ticks + micros * 10, DateTimeKind.Utc);

    /// <summary>True when the text is a timestamp from 1970 up to (not including) 2100.</summary>
    public static bool TryParse(ReadOnlySpan<byte> s, out long micros)
    {
        micros = 0;
        if (s.Length == 0) return false;
        var ok = s.Length >= 10 && s[4] is (byte)'-' or (byte)'/' ? TryParseIso(s, out micros) : TryParseUnix(s, out micros);
        return ok && micros >= MinMicros && micros < MaxMicros;
    }

    static bool TryParseUnix(ReadOnlySpan<byte> s, out long micros)
    {
        micros = 0;
        var dot = s.IndexOf((byte)'.');
        var intPart = dot < 0 ? s : s[..dot];
        if (intPart.Length == 0 || !Utf8Parser.TryParse(intPart, out long whole, out var used) || used != intPart.Length || whole < 0)
            return false;
        long fractionMicros = 0;
        if (dot >= 0 && !TryParseFraction(s[(dot + 1)..], out fractionMicros)) return false;
        // 13+ digits are milliseconds (1e12 ms is 2001-09-09); shorter are seconds.
        if (intPart.Length >= 13)
        {
            micros = whole * 1000 + fractionMicros / 1000_000 * 1000;
            return dot < 0 && whole < long.MaxValue / 1000;
        }
        if (whole > 1L << 40) return false;
        micros = whole * MicrosPerSecond + fractionMicros;
        return true;
    }

    static bool TryParseIso(ReadOnlySpan<byte> s, out long micros)
    {
        micros = 0;
        if (!TwoOrFour(s, 0, 4, out var year) || !TwoOrFour(s, 5, 2, out var month) || s[7] != s[4] || !TwoOrFour(s, 8, 2, out var day))
            return false;
        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        int hour = 0, minute = 0, second = 0;
        long fraction = 0, offsetMinutes = 0;
        var p = 10;
        if (p < s.Length && s[p] is (byte)'T' or (byte)' ' or (byte)'t')
        {
            if (!TwoOrFour(s, p + 1, 2, out hour) || p + 6 > s.Length || s[p + 3] != (byte)':' || !TwoOrFour(s, p + 4, 2, out minute))
                return false;
            p += 6;
            if (p < s.Length && s[p] == (byte)':')
            {
                if (!TwoOrFour(s, p + 1, 2, out second)) return false;
                p += 3;
                if (p < s.Length && s[p] is (byte)'.' or (byte)',')
                {
                    var q = p + 1;
                    while (q < s.Length && s[q] is >= (byte)'0' and <= (byte)'9') q++;
                    if (!TryParseFraction(s[(p + 1)..q], out fraction)) return false;
                    p = q;
                }
            }
            if (hour > 23 || minute > 59 || second > 60) return false;
            if (p < s.Length && !TryParseOffset(s[p..], out offsetMinutes)) return false;
        }
        else if (p != s.Length) return false;
        var date = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc);
        micros = ToMicros(date) + ((hour * 60L + minute - offsetMinutes) * 60 + second) * MicrosPerSecond + fraction;
        return true;
    }

    static bool TryParseOffset(ReadOnlySpan<byte> s, out long minutes)
    {
        minutes = 0;
        if (s.Length == 1 && s[0] is (byte)'Z' or (byte)'z') return true;
        if (s.Length is not (3 or 5 or 6) || s[0] is not ((byte)'+' or (byte)'-')) return false;
        if (!TwoOrFour(s, 1, 2, out var h)) return false;
        var m = 0;
        if (s.Length == 5 && !TwoOrFour(s, 3, 2, out m)) return false;
        if (s.Length == 6 && (s[3] != (byte)':' || !TwoOrFour(s, 4, 2, out m))) return false;
        if (h > 14 || m > 59) return false;
        minutes = (s[0] == (byte)'-' ? -1 : 1) * (h * 60L + m);
        return true;
    }

    static bool TryParseFraction(ReadOnlySpan<byte> digits, out long micros)
    {
        micros = 0;
        if (digits.Length == 0) return false;
        long scale = 100_000;
        foreach (var d in digits)
        {
            if (d is < (byte)'0' or > (byte)'9') return false;
            micros += (d - '0') * scale;
            scale /= 10;
        }
        return true;
    }

    static bool TwoOrFour(ReadOnlySpan<byte> s, int at, int n, out int value)
    {
        value = 0;
        if (at + n > s.Length) return false;
        for (var i = at; i < at + n; i++)
        {
            var d = s[i];
            if (d is < (byte)'0' or > (byte)'9') return false;
            value = value * 10 + (d - '0');
        }
        return true;
    }
}
