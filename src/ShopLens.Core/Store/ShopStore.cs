using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using ShopLens.Core.Import;

namespace ShopLens.Core.Store;

/// <summary>
/// The embedded store: one DuckDB file holding the canonical tables, import history and id dictionaries.
/// Opening applies any migrations it lacks. One writer at a time (DuckDB's rule for a file).
/// </summary>
public sealed class ShopStore : IShopStore
{
    readonly DuckDBConnection _db;

    ShopStore(string path, DuckDBConnection db)
    {
        Location = path;
        _db = db;
    }

    public string Location { get; }

    /// <summary>Where rejects and outlier files go: a folder beside the store file.</summary>
    public string SideDirectory => Location == ":memory:" ? Path.Combine(Path.GetTempPath(), "shoplens-memory.rejects") : Location + ".rejects";

    public IdDictionary Customers { get; } = new();
    public IdDictionary Products { get; } = new();

    public DuckDBConnection Connection => _db;

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/>, or an in-memory one for <c>:memory:</c>.</summary>
    public static ShopStore Open(string path, int threads = 0)
    {
        if (path != ":memory:")
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir is not null && !Directory.Exists(dir)) throw new IOException($"{path}: folder {dir} does not exist");
        }
        DuckDBConnection db;
        try
        {
            db = new DuckDBConnection($"Data Source={path}");
            db.Open();
        }
        catch (DuckDBException e)
        {
            throw new IOException($"{path}: cannot open the store ({FirstLine(e.Message)})", e);
        }
        var store = new ShopStore(path, db);
        try
        {
            if (threads > 0) store.Execute($"SET threads = {threads}");
            store.Migrate();
            store.LoadDictionaries();
        }
        catch
        {
            db.Dispose();
            throw;
        }
        return store;
    }

    public int SchemaVersion => (int)Scalar<long>("SELECT coalesce(max(version), 0) FROM schema_version");

    void Migrate()
    {
        Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)");
        var current = SchemaVersion;
        if (current > StoreSchema.Migrations.Count)
            throw new IOException($"{Location}: the store is at schema version {current}, newer than this ShopLens knows ({StoreSchema.Migrations.Count}); upgrade ShopLens");
        for (var v = current + 1; v <= StoreSchema.Migrations.Count; v++)
        {
            using var tx = _db.BeginTransaction();
            Execute(StoreSchema.Migrations[v - 1]);
            Execute($"INSERT INTO schema_version VALUES ({v}, now())");
            tx.Commit();
        }
    }

    void LoadDictionaries()
    {
        Load(Customers, "SELECT customer_id, customer_key FROM customers ORDER BY customer_key");
        Load(Products, "SELECT product_id, product_key FROM products ORDER BY product_key");
    }

    void Load(IdDictionary dictionary, string sql)
    {
        using var reader = Query(sql);
        while (reader.Read()) dictionary.Load(reader.GetString(0), reader.GetInt32(1));
    }

    public ImportReport Import(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        new DuckDbImporter(this).Import(request, progress, cancellationToken);

    public long Execute(string sql)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteNonQuery();
    }

    public T Scalar<T>(string sql)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        var value = cmd.ExecuteScalar();
        // DuckDB sums BIGINTs into HUGEINT, which arrives as a BigInteger.
        if (value is System.Numerics.BigInteger big) value = (decimal)big;
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
    }

    public DbDataReader Query(string sql)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteReader();
    }

    static string FirstLine(string s) => s.Split('\n')[0];

    public void Dispose() => _db.Dispose();
}
