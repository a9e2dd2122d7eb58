using ShopLens.Core.Model;
using ShopLens.Insight.Features;
using ShopLens.Insight.Recommendations;

namespace ShopLens.Server.Live;

/// <summary>
/// One customer's online features, updated by every accepted event before its 2xx: counts by event type, first and
/// last event, sessions (a new one after <see cref="CustomerProfile.SessionGap"/> of quiet), the last events, and the
/// events that arrived after the snapshot the models were read with (the recommender's acts, the sequence model's steps).
/// </summary>
public sealed class LiveCustomer
{
    /// <summary>How many of the latest events each customer keeps in memory.</summary>
    public const int RecentEvents = 20;

    readonly Lock _lock = new();
    readonly long[] _byType = new long[EventTypes.All.Count + 1];
    readonly List<LiveEvent> _recent = [];
    readonly List<(long Sequence, LiveEvent Event)> _sinceSnapshot = [];
    DateTime? _first, _last;
    long _sessions;

    /// <summary>Starts from what the store held: counts by type, first and last event, sessions, the latest events (newest first).</summary>
    internal void Seed(EventType type, long count, DateTime first, DateTime last)
    {
        lock (_lock)
        {
            _byType[(int)type] += count;
            _first = _first is { } f && f < first ? f : first;
            _last = _last is { } l && l > last ? l : last;
        }
    }

    internal void SeedSessions(long sessions)
    {
        lock (_lock) _sessions = sessions;
    }

    internal void SeedRecent(LiveEvent e)
    {
        lock (_lock) if (_recent.Count < RecentEvents) _recent.Add(e);
    }

    /// <summary>Counts an accepted event; <paramref name="sequence"/> orders it against snapshots.</summary>
    public void Observe(LiveEvent e, long sequence)
    {
        ArgumentNullException.ThrowIfNull(e);
        lock (_lock)
        {
            _byType[(int)e.Type]++;
            // An event later than the last by more than the gap opens a session; a late-arriving older one joins its past.
            if (_last is not { } last || e.Timestamp - last > CustomerProfile.SessionGap) _sessions++;
            _first = _first is { } f && f < e.Timestamp ? f : e.Timestamp;
            _last = _last is { } l && l > e.Timestamp ? l : e.Timestamp;
            var at = _recent.FindIndex(r => r.Timestamp < e.Timestamp);
            _recent.Insert(at < 0 ? _recent.Count : at, e);
            if (_recent.Count > RecentEvents) _recent.RemoveAt(_recent.Count - 1);
            if (e.ProductId is not null) _sinceSnapshot.Add((sequence, e));
        }
    }

    /// <summary>Drops the events a snapshot read up to <paramref name="sequence"/> already holds.</summary>
    public void Forget(long sequence)
    {
        lock (_lock) _sinceSnapshot.RemoveAll(a => a.Sequence <= sequence);
    }

    /// <summary>The acts after <paramref name="sequence"/>, oldest first.</summary>
    public IReadOnlyList<RecentInteraction> ActsAfter(long sequence)
    {
        lock (_lock) return [.. _sinceSnapshot.Where(a => a.Sequence > sequence).Select(a => RecentInteraction.From(a.Event.Type, a.Event.ProductId)).OfType<RecentInteraction>()];
    }

    /// <summary>The events on products after <paramref name="sequence"/>, in the order they arrived, with their sequence numbers.</summary>
    public IReadOnlyList<(long Sequence, LiveEvent Event)> EventsAfter(long sequence)
    {
        lock (_lock) return [.. _sinceSnapshot.Where(a => a.Sequence > sequence)];
    }

    /// <summary>A consistent copy of the features.</summary>
    public LiveFeatures Features()
    {
        lock (_lock)
            return new LiveFeatures(
                EventTypes.All.Where(t => _byType[(int)t] > 0).ToDictionary(EventTypes.Name, t => _byType[(int)t]),
                _byType.Sum(), _sessions, _first, _last, [.. _recent]);
    }
}

/// <summary>A customer's online features at one moment.</summary>
public sealed record LiveFeatures(IReadOnlyDictionary<string, long> EventsByType, long Events, long Sessions, DateTime? FirstEvent, DateTime? LastEvent,
    IReadOnlyList<LiveEvent> Recent);
