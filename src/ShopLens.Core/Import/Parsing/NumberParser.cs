using System.Buffers.Text;

namespace ShopLens.Core.Import.Parsing;

/// <summary>Invariant-culture numbers from UTF-8 text, with surrounding spaces allowed.</summary>
public static class NumberParser
{
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s)
    {
        var a = 0;
        var b = s.Length;
        while (a < b && s[a] is (byte)' ' or (byte)'\t' or (byte)'\r') a++;
        while (b > a && s[b - 1] is (byte)' ' or (byte)'\t' or (byte)'\r') b--;
        return s[a..b];
    }

    public static bool TryParseDouble(ReadOnlySpan<byte> s, out double value)
    {
        s = Trim(s);
        return Utf8Parser.TryParse(s, out value, out var used) && used == s.Length && double.IsFinite(value);
    }

    public static bool TryParseLong(ReadOnlySpan<byte> s, out long value)
    {
        s = Trim(s);
        if (Utf8Parser.TryParse(s, out value, out var used) && used == s.Length) return true;
        // "2.0" from spreadsheets and JSON is a whole number too.
        if (TryParseDouble(s, out var d) && d == Math.Floor(d) && Math.Abs(d) < 1e15)
        {
            value = (long)d;
            return true;
        }
        return false;
    }
}
