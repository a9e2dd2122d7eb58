using System.Text.Json;
using ShopLens.Core.Access;
using ShopLens.Core.Store;

namespace ShopLens.Cli.Tests;

/// <summary><c>shoplens keys</c>: a created key is printed once and works, listing never shows secrets, mistakes are clear errors.</summary>
public sealed class KeysCommandTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("shoplens-keys").FullName;
    readonly string _db;

    public KeysCommandTests()
    {
        _db = Path.Combine(_dir, "s.duckdb");
        ShopStore.Open(_db).Dispose();
    }

    static JsonElement SingleJson(string stdout) => JsonDocument.Parse(Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))).RootElement;

    ApiKey? Find(string key)
    {
        using var store = ShopStore.Open(_db);
        return ApiKeyRing.Load(store).Find(key);
    }

    [Fact]
    public void Create_prints_a_key_the_ring_then_finds_once()
    {
        var (code, stdout, _) = CliRunner.Run("keys", "create", "--role", "ingest", "--name", "shop frontend", "--db", _db);
        Assert.Equal(0, code);
        var key = stdout.Split('\n')[0].Trim();
        Assert.Contains("only time", stdout, StringComparison.Ordinal);
        Assert.Contains("hash", stdout, StringComparison.Ordinal);
        var found = Find(key);
        Assert.NotNull(found);
        Assert.Equal((ApiKeyRole.Ingest, "shop frontend"), (found.Role, found.Name));
    }

    [Fact]
    public void Create_list_and_revoke_speak_json_and_list_never_shows_the_secret()
    {
        var created = SingleJson(CliRunner.Run("keys", "create", "--role", "analyst", "--db", _db, "--json").Out);
        var key = created.GetProperty("key").GetString()!;
        var keyId = created.GetProperty("key_id").GetString()!;
        Assert.Equal("analyst", created.GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("name").ValueKind);
        Assert.EndsWith("Z", created.GetProperty("created_at").GetString(), StringComparison.Ordinal);
        Assert.Equal(keyId, Find(key)!.KeyId);

        var revoked = CliRunner.Run("keys", "revoke", "--key-id", keyId, "--db", _db, "--json");
        Assert.Equal(0, revoked.Code);
        Assert.Equal(keyId, SingleJson(revoked.Out).GetProperty("key_id").GetString());
        Assert.Null(Find(key));

        var list = CliRunner.Run("keys", "list", "--db", _db, "--json");
        Assert.Equal(0, list.Code);
        Assert.DoesNotContain(key[17..], list.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", list.Out, StringComparison.Ordinal);
        var listed = Assert.Single(SingleJson(list.Out).GetProperty("keys").EnumerateArray());
        Assert.Equal(["key_id", "name", "role", "created_at", "revoked_at"], listed.EnumerateObject().Select(p => p.Name));
        Assert.Equal(keyId, listed.GetProperty("key_id").GetString());
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("revoked_at").ValueKind);
        Assert.DoesNotContain(key[17..], CliRunner.Run("keys", "list", "--db", _db).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Revoking_an_unknown_key_fails_with_exit_code_1()
    {
        var (code, stdout, stderr) = CliRunner.Run("keys", "revoke", "--key-id", "0123456789ab", "--db", _db);
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Contains("no active API key '0123456789ab'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_role_is_a_usage_error_naming_the_valid_roles()
    {
        var (code, _, stderr) = CliRunner.Run("keys", "create", "--role", "root", "--db", _db);
        Assert.Equal(2, code);
        foreach (var role in ApiKeyRoles.Names) Assert.Contains(role, stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
