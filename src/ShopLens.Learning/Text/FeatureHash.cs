using System.Text;

namespace ShopLens.Learning.Text;

/// <summary>
/// A term's column among 2^bits: FNV-1a (32 bits) of its UTF-8 bytes, masked. The same term gets the same column on
/// every machine and in every run (string.GetHashCode does not), so a saved model's columns stay valid.
/// </summary>
public static class FeatureHash
{
    const uint Offset = 2166136261, Prime = 16777619;

    /// <summary>The 32-bit FNV-1a hash of <paramref name="term"/>'s UTF-8 bytes.</summary>
    public static uint Fnv1a(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return Fnv1a("", term);
    }

    /// <summary>The hash of <paramref name="prefix"/> followed by <paramref name="body"/>, without joining them.</summary>
    internal static uint Fnv1a(ReadOnlySpan<char> prefix, ReadOnlySpan<char> body) => Continue(Continue(Offset, prefix), body);

    static uint Continue(uint hash, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return hash;
        var size = Encoding.UTF8.GetMaxByteCount(text.Length);
        Span<byte> buffer = size <= 512 ? stackalloc byte[size] : new byte[size];
        foreach (var b in buffer[..Encoding.UTF8.GetBytes(text, buffer)]) hash = (hash ^ b) * Prime;
        return hash;
    }

    /// <summary>The column of <paramref name="term"/> among 2^<paramref name="bits"/>.</summary>
    public static int Column(string term, int bits)
    {
        if (bits is < 1 or > 30) throw new ArgumentOutOfRangeException(nameof(bits), bits, "between 1 and 30 bits");
        return (int)(Fnv1a(term) & ((1u << bits) - 1));
    }
}
