using System.Collections.Concurrent;
using ShopLens.Insight.Sequences;

namespace ShopLens.Server.Live;

/// <summary>
/// The saved sequence model served live. The first time a customer is asked about, their state is built from the
/// store (their newest events, one batched pass) together with the sequence number of the last event the store held
/// then; every later request first appends the events ingested since, one incremental step each against the cached
/// keys and values, so an answer reflects the event posted just before it without re-reading the history. States
/// (tens of KB each) are kept for up to <see cref="Capacity"/> customers; past that a quarter are dropped and rebuilt
/// when asked for again.
/// </summary>
public sealed class LiveSequences(ShopSequenceModel model)
{
    public const int Capacity = 4096;

    readonly ConcurrentDictionary<string, Followed> _followed = new(StringComparer.Ordinal);

    sealed class Followed(CustomerSequence sequence, long through)
    {
        public Lock Lock { get; } = new();
        public CustomerSequence Sequence { get; } = sequence;
        public long Through { get; set; } = through;
        public int LiveEvents { get; set; }
    }

    public ShopSequenceModel Model => model;

    /// <summary>The customer's next step after every event accepted so far, and how many of those were appended live.</summary>
    /// <exception cref="KeyNotFoundException">the customer has no event on a product the model knows</exception>
    public (NextEvents Next, int LiveEvents) Next(ShopState state, string customerId, int k, bool includeBought)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!_followed.TryGetValue(customerId, out var followed))
        {
            // Under the gate, the store's events and the sequence number agree: ingest commits and numbers there too.
            var built = state.Gate.Use(store => new Followed(model.Follow(store, customerId), state.Sequence));
            if (_followed.Count >= Capacity)
                foreach (var key in _followed.Keys.Take(Capacity / 4)) _followed.TryRemove(key, out _);
            followed = _followed.GetOrAdd(customerId, built);
        }
        lock (followed.Lock)
        {
            foreach (var (sequence, e) in state.Live.Find(customerId)?.EventsAfter(followed.Through) ?? [])
            {
                followed.Sequence.Append(e.ProductId!, e.Type, e.Timestamp);
                (followed.Through, followed.LiveEvents) = (sequence, followed.LiveEvents + 1);
            }
            return (followed.Sequence.Next(k, includeBought), followed.LiveEvents);
        }
    }

    /// <summary>Drops a customer's state (after their data was erased).</summary>
    public void Forget(string customerId) => _followed.TryRemove(customerId, out _);
}
