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
        Span<byte> buffer = term.Length <= 256 ? stackalloc byte[Encoding.UTF8.GetMaxByteCount(term.Length)] : new byte[Encoding.UTF8.GetMaxByteCount(term.Length)];
        var bytes = buffer[..Encoding.UTF8.GetBytes(term, buffer)];
        var hash = Offset;
        foreach (var b in bytes) hash = (hash ^ b) * Prime;
        return hash;
    }

    /// <summary>The column of <paramref name="term"/> among 2^<paramref name="bits"/>.</summary>
    public static int Column(string term, int bits)
    {
        if (bits is < 1 or > 30) throw new ArgumentOutOfRangeException(nameof(bits), bits, "between 1 and 30 bits");
        return (int)(Fnv1a(term) & ((1u << bits) - 1));
    }
}
