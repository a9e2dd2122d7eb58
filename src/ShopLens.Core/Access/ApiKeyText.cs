using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ShopLens.Core.Access;

/// <summary>
/// The text of an API key, <c>slk_&lt;key id&gt;_&lt;secret&gt;</c>: 12 lower-case hex characters of public id and 32
/// random bytes in base64url. Making one, reading the id back, and the hash the store keeps.
/// </summary>
static class ApiKeyText
{
    const string Prefix = "slk_";
    const int KeyIdBytes = 6;
    const int KeyIdLength = 2 * KeyIdBytes;
    const int SecretBytes = 32;
    static readonly int Length = Prefix.Length + KeyIdLength + 1 + Base64Url.GetEncodedLength(SecretBytes);

    public static (string KeyId, string Key) New()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyIdBytes));
        return (keyId, $"{Prefix}{keyId}_{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes))}");
    }

    /// <summary>The key id of <paramref name="key"/>, or null when the text is not shaped like a key.</summary>
    public static string? KeyIdOf(string key)
    {
        // By position, not by splitting on '_': base64url uses '_' too.
        if (key.Length != Length || !key.StartsWith(Prefix, StringComparison.Ordinal) || key[Prefix.Length + KeyIdLength] != '_') return null;
        var keyId = key.Substring(Prefix.Length, KeyIdLength);
        return keyId.All(char.IsAsciiHexDigitLower) ? keyId : null;
    }

    // 256 random bits cannot be guessed, so a fast hash is enough: slow ones (PBKDF2, Argon2) protect low-entropy
    // passwords, and here would only slow down every request.
    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
