using System.Collections.Frozen;
using System.Security.Cryptography;
using ShopLens.Core.Store;

namespace ShopLens.Core.Access;

/// <summary>
/// The active API keys of a store as loaded at one moment, for checking every request: immutable, so one ring serves
/// any number of threads; load a new one to see keys created or revoked since.
/// </summary>
public sealed class ApiKeyRing
{
    readonly FrozenDictionary<string, (ApiKey Key, byte[] Hash)> _byKeyId;

    ApiKeyRing(FrozenDictionary<string, (ApiKey Key, byte[] Hash)> byKeyId) => _byKeyId = byKeyId;

    public static ApiKeyRing Load(IShopStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var byKeyId = new Dictionary<string, (ApiKey Key, byte[] Hash)>(StringComparer.Ordinal);
        using var reader = store.Query($"SELECT {ApiKeys.Columns}, hash FROM api_keys WHERE revoked_at IS NULL");
        while (reader.Read())
        {
            using var hash = new MemoryStream();
            using (var blob = reader.GetStream(5)) blob.CopyTo(hash);
            var key = ApiKeys.Read(reader);
            byKeyId.Add(key.KeyId, (key, hash.ToArray()));
        }
        return new ApiKeyRing(byKeyId.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The active key <paramref name="presentedKey"/> is (as sent in <c>X-Api-Key</c>), or null for anything else, malformed text included.</summary>
    public ApiKey? Find(string? presentedKey)
    {
        // The key id is public (`shoplens keys list` shows it), so finding the row by it leaks nothing; only the
        // comparison of the secret's hash must take the same time whatever it matches.
        if (presentedKey is null || ApiKeyText.KeyIdOf(presentedKey) is not { } keyId || !_byKeyId.TryGetValue(keyId, out var entry)) return null;
        return CryptographicOperations.FixedTimeEquals(ApiKeyText.Hash(presentedKey), entry.Hash) ? entry.Key : null;
    }
}
