using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ShopLens.Core.Access;
using ShopLens.Core.Store;

namespace ShopLens.Core.Tests.Access;

/// <summary>API keys: the store keeps only a hash, the ring finds exactly the active keys it was loaded with.</summary>
public sealed class ApiKeysTests : IDisposable
{
    static readonly DateTime Created = new(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc);
    static readonly DateTime Revoked = new(2030, 2, 3, 4, 5, 6, DateTimeKind.Utc);
    readonly ShopStore _store = ShopStore.Open(":memory:");

    sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now, TimeSpan.Zero);
    }

    [Fact]
    public void Create_list_and_revoke_round_trip()
    {
        var (admin, secret) = ApiKeys.Create(_store, ApiKeyRole.Admin, "ops", new FixedClock(Created));
        var (ingest, _) = ApiKeys.Create(_store, ApiKeyRole.Ingest, null, new FixedClock(Created.AddHours(1)));
        Assert.Equal(new ApiKey(admin.KeyId, "ops", ApiKeyRole.Admin, Created, null), admin);
        Assert.Matches("^[0-9a-f]{12}$", admin.KeyId);
        Assert.Matches($"^slk_{admin.KeyId}_[A-Za-z0-9_-]{{43}}$", secret);
        Assert.Equal([admin, ingest], ApiKeys.List(_store));

        Assert.True(ApiKeys.Revoke(_store, admin.KeyId, new FixedClock(Revoked)));
        Assert.False(ApiKeys.Revoke(_store, admin.KeyId), "a key is revoked once");
        Assert.False(ApiKeys.Revoke(_store, "000000000000"), "an unknown key cannot be revoked");
        Assert.Equal([admin with { RevokedAt = Revoked }, ingest], ApiKeys.List(_store));
    }

    [Fact]
    public void The_ring_finds_active_keys_with_their_role_and_not_revoked_ones()
    {
        var (analyst, analystSecret) = ApiKeys.Create(_store, ApiKeyRole.Analyst, "dashboard");
        var (ingest, ingestSecret) = ApiKeys.Create(_store, ApiKeyRole.Ingest, "shop");
        ApiKeys.Revoke(_store, ingest.KeyId);
        var ring = ApiKeyRing.Load(_store);
        Assert.Equal(analyst, ring.Find(analystSecret));
        Assert.Equal(ApiKeyRole.Analyst, ring.Find(analystSecret)!.Role);
        Assert.Null(ring.Find(ingestSecret));
    }

    [Fact]
    public void The_ring_is_a_snapshot_of_the_store_when_loaded()
    {
        var ring = ApiKeyRing.Load(_store);
        var (_, secret) = ApiKeys.Create(_store, ApiKeyRole.Admin, null);
        Assert.Null(ring.Find(secret));
        Assert.NotNull(ApiKeyRing.Load(_store).Find(secret));
    }

    [Fact]
    public void The_ring_finds_nothing_for_a_changed_truncated_empty_or_malformed_key()
    {
        var (_, secret) = ApiKeys.Create(_store, ApiKeyRole.Admin, null);
        var ring = ApiKeyRing.Load(_store);
        var changed = new List<string>();
        for (var i = 0; i < secret.Length; i++)
        {
            var c = secret[i] == 'a' ? 'b' : 'a';
            changed.Add(string.Concat(secret.AsSpan(0, i), c.ToString(), secret.AsSpan(i + 1)));
        }
        foreach (var presented in changed)
            Assert.True(ring.Find(presented) is null, $"found a key with one character changed: {presented}");
        foreach (var presented in new[] { secret[..^1], secret[..16], secret + "a", "", " ", secret.ToUpperInvariant(), $" {secret[1..]}",
                     "slk_", "slk_zzzzzzzzzzzz_" + secret[17..], "slk_" + secret[4..16] + "é" + secret[17..], null })
            Assert.Null(ring.Find(presented));
    }

    [Fact]
    public void A_key_of_another_store_is_not_found()
    {
        using var other = ShopStore.Open(":memory:");
        var (_, foreign) = ApiKeys.Create(other, ApiKeyRole.Admin, null);
        ApiKeys.Create(_store, ApiKeyRole.Admin, null);
        Assert.Null(ApiKeyRing.Load(_store).Find(foreign));
    }

    [Fact]
    public void The_store_keeps_the_hash_of_the_key_and_never_the_key()
    {
        var (key, secret) = ApiKeys.Create(_store, ApiKeyRole.Admin, "ops");
        using var reader = _store.Query("SELECT * FROM api_keys");
        Assert.True(reader.Read());
        var hash = ReadAll(reader.GetStream(reader.GetOrdinal("hash")));
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), hash);
        Assert.NotEqual(Encoding.UTF8.GetBytes(secret), hash);
        var randomPart = secret[17..];
        for (var column = 0; column < reader.FieldCount; column++)
        {
            var value = reader.IsDBNull(column) ? null : reader.GetValue(column);
            var text = value is Stream blob ? Encoding.Latin1.GetString(ReadAll(blob)) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            Assert.DoesNotContain(randomPart, text, StringComparison.Ordinal);
        }
        Assert.Equal(key.KeyId, reader.GetString(reader.GetOrdinal("key_id")));
        Assert.False(reader.Read());
    }

    [Fact]
    public void Roles_parse_from_their_lower_case_names_and_a_bad_one_names_the_valid_ones()
    {
        foreach (var role in Enum.GetValues<ApiKeyRole>()) Assert.Equal(role, ApiKeyRoles.Parse(ApiKeyRoles.Name(role)));
        Assert.Equal(["admin", "analyst", "ingest"], ApiKeyRoles.Names);
        var e = Assert.Throws<ArgumentException>(() => ApiKeyRoles.Parse("Admin"));
        Assert.Contains("admin, analyst, ingest", e.Message, StringComparison.Ordinal);
    }

    static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        using (stream) stream.CopyTo(copy);
        return copy.ToArray();
    }

    public void Dispose() => _store.Dispose();
}
