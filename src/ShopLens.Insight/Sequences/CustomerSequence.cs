using ShopLens.Core.Model;
using ShopLens.Learning.Sequence;

namespace ShopLens.Insight.Sequences;

/// <summary>
/// One customer followed by a <see cref="ShopSequenceModel"/>: built from the store once
/// (<see cref="ShopSequenceModel.Follow"/>), then each new event is one incremental step through the Transformer
/// against its cached keys and values, so a server can answer from the latest event without re-reading the history.
/// Not thread-safe: one caller at a time.
/// </summary>
public sealed class CustomerSequence
{
    readonly ShopSequenceModel _model;
    readonly SequenceState _state;
    readonly HashSet<int> _bought;
    long _lastTime;

    internal CustomerSequence(ShopSequenceModel model, string customerId, SequenceState state, HashSet<int> bought, long lastTime, int read, int unknown)
    {
        (_model, CustomerId, _state, _bought, _lastTime, EventsRead, EventsUnknown) = (model, customerId, state, bought, lastTime, read, unknown);
    }

    public string CustomerId { get; }

    /// <summary>Events the model has read: from the store, then appended.</summary>
    public int EventsRead { get; private set; }

    /// <summary>Events passed over because the model does not know their product (added after training) or type.</summary>
    public int EventsUnknown { get; private set; }

    /// <summary>
    /// Takes the customer's next event; false (and counted in <see cref="EventsUnknown"/>) when the model does not know
    /// its product or type. The model reads events in the order they arrive: one stamped earlier than the last one read
    /// (a late delivery) is read as happening at that last time.
    /// </summary>
    public bool Append(string productId, EventType type, DateTime timestamp)
    {
        ArgumentNullException.ThrowIfNull(productId);
        if (_model.Encode(productId, type) is not { } encoded)
        {
            EventsUnknown++;
            return false;
        }
        var (item, kind) = encoded;
        _lastTime = Math.Max(_lastTime, ShopSequences.UnixSeconds(timestamp));
        _state.Append(item, kind, _lastTime);
        if (type == EventType.Purchase) _bought.Add(item);
        EventsRead++;
        return true;
    }

    /// <summary>
    /// The <paramref name="k"/> likeliest next products (leaving out everything the customer bought unless
    /// <paramref name="includeBought"/>), each event type's chance of being next, and purchase intent.
    /// </summary>
    public NextEvents Next(int k = 10, bool includeBought = false) =>
        _model.Describe(CustomerId, _state, includeBought ? null : _bought, k, EventsRead, EventsUnknown);
}
