using ShopLens.Core.Model;

namespace ShopLens.Core.Import.Staging;

/// <summary>
/// Finds events repeated within one batch as they are staged: by event id, or, without one, by customer, product,
/// type and time. Exports are usually in time order, and then a repeat can only share the current timestamp, so
/// only that timestamp's keys are kept; at the first row out of time order the rest of the batch is left to the
/// store's SQL (<see cref="InTimeOrder"/> turns false) instead of hashing millions of keys here.
/// </summary>
sealed class EventDeduplicator
{
    readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    readonly HashSet<EventKey> _atCurrentTime = [];
    readonly int _eventId, _customer, _product, _type, _timestamp;
    long _currentMicros = long.MinValue;

    public EventDeduplicator()
    {
        var t = CanonicalSchema.Events;
        (_eventId, _customer, _product, _type, _timestamp) =
            (t.Require("event_id"), t.Require("customer_id"), t.Require("product_id"), t.Require("type"), t.Require("timestamp"));
    }

    /// <summary>False once a row without an event id came earlier in time than one before it.</summary>
    public bool InTimeOrder { get; private set; } = true;

    /// <summary>False when the row repeats an earlier row of the batch.</summary>
    public bool IsFirst(StagingChunk chunk, int row)
    {
        if (!chunk.Missing[_eventId][row]) return _ids.Add(chunk.Texts[_eventId][row]!);
        if (!InTimeOrder) return true;
        var micros = chunk.Numbers[_timestamp][row];
        if (micros < _currentMicros)
        {
            InTimeOrder = false;
            _atCurrentTime.Clear();
            return true;
        }
        if (micros > _currentMicros)
        {
            _currentMicros = micros;
            _atCurrentTime.Clear();
        }
        var product = chunk.Missing[_product][row] ? -1 : (int)chunk.Numbers[_product][row];
        return _atCurrentTime.Add(new EventKey((int)chunk.Numbers[_customer][row], product, (byte)chunk.Numbers[_type][row]));
    }

    readonly record struct EventKey(int Customer, int Product, byte Type);
}
