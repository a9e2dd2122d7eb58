using System.Collections.Concurrent;
using ShopLens.Core.Access;
using ShopLens.Core.Store;
using ShopLens.Server.Access;

namespace ShopLens.Server.Live;

/// <summary>
/// Everything a running server holds: the store behind its gate, the API keys, the batch snapshot and the customers'
/// live state. Reads of the snapshot and keys take whatever is current; swaps are atomic reference writes.
/// </summary>
public sealed class ShopState : IDisposable
{
    ShopSnapshot _snapshot;
    ApiKeyRing _keys;
    long _sequence;
    readonly ConcurrentDictionary<string, byte> _erased = new(StringComparer.Ordinal);

    ShopState(ServerOptions options, StoreGate gate, LiveCustomers live, ShopSnapshot snapshot, ApiKeyRing keys)
    {
        (Options, Gate, Live, _snapshot, _keys) = (options, gate, live, snapshot, keys);
        Pseudonyms = options.PseudonymKey is { } key ? new CustomerPseudonyms(key) : null;
    }

    public ServerOptions Options { get; }

    public StoreGate Gate { get; }

    public LiveCustomers Live { get; }

    /// <summary>Null unless analysts see customers by pseudonym.</summary>
    public CustomerPseudonyms? Pseudonyms { get; }

    public ShopSnapshot Snapshot => Volatile.Read(ref _snapshot);

    public ApiKeyRing Keys => Volatile.Read(ref _keys);

    /// <summary>The sequence number of the newest accepted event.</summary>
    public long Sequence => Interlocked.Read(ref _sequence);

    /// <summary>Opens the store and reads the snapshot, the live state and the keys.</summary>
    public static ShopState Open(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (!File.Exists(options.Db)) throw new FileNotFoundException($"{options.Db}: no such store (run `shoplens demo` or `shoplens import` first)", options.Db);
        var store = ShopStore.Open(options.Db);
        try
        {
            return new ShopState(options, new StoreGate(store), LiveCustomers.Seed(store), ShopSnapshot.Read(store, options.Recommender, 0), ApiKeyRing.Load(store));
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Numbers an accepted event; the caller holds the gate, so numbers follow commit order.</summary>
    public long NextSequence() => Interlocked.Increment(ref _sequence);

    /// <summary>Reads a new snapshot (the newest saved models) and swaps it in; requests keep answering meanwhile.</summary>
    public ShopSnapshot Reload()
    {
        var snapshot = Gate.Use(store => ShopSnapshot.Read(store, Options.Recommender, Sequence));
        Volatile.Write(ref _snapshot, snapshot);
        Live.Forget(snapshot.Sequence);
        foreach (var id in _erased.Keys.Where(id => !snapshot.Customers.ContainsKey(id))) _erased.TryRemove(id, out _);
        return snapshot;
    }

    /// <summary>Reloads the API keys after one was created or revoked.</summary>
    public void ReloadKeys() => Volatile.Write(ref _keys, Gate.Use(ApiKeyRing.Load));

    /// <summary>Whether a customer was erased since the snapshot was read (the snapshot still holds them).</summary>
    public bool IsErased(string customerId) => _erased.ContainsKey(customerId);

    internal void MarkErased(string customerId)
    {
        _erased[customerId] = 0;
        Live.Remove(customerId);
        Snapshot.Sequences?.Forget(customerId);
    }

    public void Dispose() => Gate.Dispose();
}
