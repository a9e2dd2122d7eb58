using System.Data.Common;
using ShopLens.Core.Import;

namespace ShopLens.Core.Store;

/// <summary>
/// What the rest of ShopLens needs from a store: imports, and SQL in the dialect DuckDB and PostgreSQL share
/// (Insight's feature queries run through <see cref="Query"/>). DuckDB implements it now, PostgreSQL later.
/// </summary>
public interface IShopStore : IDisposable
{
    /// <summary>Where the store is (a file path, or a connection description).</summary>
    string Location { get; }

    int SchemaVersion { get; }

    ImportReport Import(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default);

    long Execute(string sql);

    T Scalar<T>(string sql);

    DbDataReader Query(string sql);
}
