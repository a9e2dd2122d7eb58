using System.Data.Common;
using DuckDB.NET.Data;
using ShopLens.Core.Store;

namespace ShopLens.Core.Access;

/// <summary>
/// The store's <c>api_keys</c> table: creating a key (its text is returned once and never stored, only its SHA-256),
/// listing keys and revoking one. <see cref="ApiKeyRing"/> checks presented keys against it.
/// </summary>
public static class ApiKeys
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    internal const string Columns = "key_id, name, role, created_at, revoked_at";

    /// <summary>Creates a key; <c>Secret</c> is the whole key to hand to its user, shown this once.</summary>
    public static (ApiKey Key, string Secret) Create(ShopStore store, ApiKeyRole role, string? name, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (keyId, secret) = ApiKeyText.New();
        var key = new ApiKey(keyId, name, role, Now(time), null);
        using var insert = store.Connection.CreateCommand();
        insert.CommandText = "INSERT INTO api_keys (key_id, name, role, hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, NULL)";
        insert.Parameters.Add(new DuckDBParameter(keyId));
        insert.Parameters.Add(new DuckDBParameter((object?)name ?? DBNull.Value));
        insert.Parameters.Add(new DuckDBParameter(ApiKeyRoles.Name(role)));
        insert.Parameters.Add(new DuckDBParameter(ApiKeyText.Hash(secret)));
        insert.Parameters.Add(new DuckDBParameter(key.CreatedAt));
        insert.ExecuteNonQuery();
        return (key, secret);
    }

    /// <summary>Every key, revoked ones included, oldest first.</summary>
    public static IReadOnlyList<ApiKey> List(IShopStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var keys = new List<ApiKey>();
        using var reader = store.Query($"SELECT {Columns} FROM api_keys ORDER BY created_at, key_id");
        while (reader.Read()) keys.Add(Read(reader));
        return keys;
    }

    /// <summary>Revokes an active key; false when no active key has that id (unknown, or revoked already).</summary>
    public static bool Revoke(ShopStore store, string keyId, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var update = store.Connection.CreateCommand();
        update.CommandText = "UPDATE api_keys SET revoked_at = $1 WHERE key_id = $2 AND revoked_at IS NULL";
        update.Parameters.Add(new DuckDBParameter(Now(time)));
        update.Parameters.Add(new DuckDBParameter(keyId));
        return update.ExecuteNonQuery() > 0;
    }

    /// <summary>A key from a row of <see cref="Columns"/>.</summary>
    internal static ApiKey Read(DbDataReader row) => new(
        row.GetString(0),
        row.IsDBNull(1) ? null : row.GetString(1),
        ApiKeyRoles.Parse(row.GetString(2)),
        DateTime.SpecifyKind(row.GetDateTime(3), DateTimeKind.Utc),
        row.IsDBNull(4) ? null : DateTime.SpecifyKind(row.GetDateTime(4), DateTimeKind.Utc));

    // To the microsecond, as the store keeps it, so that a created key equals the same key listed.
    static DateTime Now(TimeProvider? time)
    {
        var now = (time ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
