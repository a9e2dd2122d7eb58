using ShopLens.Core.Store;

namespace ShopLens.Server.Live;

/// <summary>
/// The server's one store connection behind one lock: a DuckDB connection is not safe to share between threads, and
/// the file has one writer. Hot paths (recommendations, customer lookups) answer from memory and never wait here.
/// </summary>
public sealed class StoreGate(ShopStore store) : IDisposable
{
    readonly Lock _lock = new();

    public string Location => store.Location;

    /// <summary>Runs <paramref name="work"/> with the store to itself.</summary>
    public T Use<T>(Func<ShopStore, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_lock) return work(store);
    }

    public void Dispose()
    {
        lock (_lock) store.Dispose();
    }
}
