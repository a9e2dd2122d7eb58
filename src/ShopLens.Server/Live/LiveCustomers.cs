using System.Collections.Concurrent;
using System.Globalization;
using ShopLens.Core.Model;
using ShopLens.Core.Store;
using ShopLens.Insight.Features;

namespace ShopLens.Server.Live;

/// <summary>Every customer's <see cref="LiveCustomer"/>, seeded once from the store and then kept current by ingest.</summary>
public sealed class LiveCustomers
{
    readonly ConcurrentDictionary<string, LiveCustomer> _customers = new(StringComparer.Ordinal);

    /// <summary>The customer's live state, created on first sight.</summary>
    public LiveCustomer For(string customerId) => _customers.GetOrAdd(customerId, _ => new LiveCustomer());

    public LiveCustomer? Find(string customerId) => _customers.GetValueOrDefault(customerId);

    /// <summary>Forgets a customer (erasure).</summary>
    public void Remove(string customerId) => _customers.TryRemove(customerId, out _);

    /// <summary>Drops from every customer the acts a new snapshot holds.</summary>
    public void Forget(long sequence)
    {
        foreach (var c in _customers.Values) c.Forget(sequence);
    }

    /// <summary>Reads counts, sessions and the latest events of every customer with events; the caller holds the store.</summary>
    public static LiveCustomers Seed(ShopStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var live = new LiveCustomers();
        using (var r = store.Query("""
            SELECT c.customer_id, e.type, count(*), min(e.ts), max(e.ts)
            FROM events e JOIN customers c ON c.customer_key = e.customer_key GROUP BY ALL
            """))
            while (r.Read()) live.For(r.GetString(0)).Seed((EventType)Convert.ToByte(r.GetValue(1), CultureInfo.InvariantCulture), r.GetInt64(2), r.GetDateTime(3), r.GetDateTime(4));
        var gap = (long)CustomerProfile.SessionGap.TotalSeconds;
        using (var r = store.Query($"""
            SELECT c.customer_id, count(*) FILTER (WHERE previous IS NULL OR epoch(ts) - epoch(previous) > {gap})
            FROM (SELECT customer_key, ts, lag(ts) OVER (PARTITION BY customer_key ORDER BY ts) AS previous FROM events) e
            JOIN customers c ON c.customer_key = e.customer_key GROUP BY ALL
            """))
            while (r.Read()) live.For(r.GetString(0)).SeedSessions(r.GetInt64(1));
        using (var r = store.Query($"""
            SELECT c.customer_id, e.type, p.product_id, e.ts
            FROM (SELECT customer_key, type, product_key, ts,
                    row_number() OVER (PARTITION BY customer_key ORDER BY ts DESC) AS n FROM events) e
            JOIN customers c ON c.customer_key = e.customer_key
            LEFT JOIN products p ON p.product_key = e.product_key
            WHERE e.n <= {LiveCustomer.RecentEvents}
            ORDER BY c.customer_id, e.ts DESC
            """))
            while (r.Read())
                live.For(r.GetString(0)).SeedRecent(new LiveEvent((EventType)Convert.ToByte(r.GetValue(1), CultureInfo.InvariantCulture),
                    r.IsDBNull(2) ? null : r.GetString(2), r.GetDateTime(3)));
        return live;
    }
}
