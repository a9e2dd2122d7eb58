using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace ShopLens.Server.Access;

/// <summary>
/// Customer ids as analysts see them when a pseudonym key is configured: a keyed HMAC-SHA256 of the id, so the same
/// customer has the same pseudonym across requests and reports, and nobody without the key can link it back.
/// </summary>
public sealed class CustomerPseudonyms(string key)
{
    readonly byte[] _key = Encoding.UTF8.GetBytes(key);
    readonly ConcurrentDictionary<string, string> _idOf = new(StringComparer.Ordinal);

    /// <summary>The pseudonym of <paramref name="customerId"/> (<c>c_</c> and 32 hex digits), remembered for <see cref="IdOf"/>.</summary>
    public string Of(string customerId)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        var pseudonym = "c_" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(customerId)).AsSpan(0, 16));
        _idOf.TryAdd(pseudonym, customerId);
        return pseudonym;
    }

    /// <summary>The customer a pseudonym stands for, among <paramref name="known"/> ids (null when none).</summary>
    public string? IdOf(string pseudonym, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        if (_idOf.TryGetValue(pseudonym, out var id)) return id;
        // First lookup of a pseudonym no response has shown yet: hash the known ids once.
        foreach (var candidate in known) Of(candidate);
        return _idOf.GetValueOrDefault(pseudonym);
    }
}
