using System.Text;
using System.Text.Json;
using ShopLens.Core.Model;

namespace ShopLens.Core.Import.Reading;

/// <summary>
/// Events already in memory (the live API's request body) read as records with the canonical event columns as
/// header; the "line" is the event's 1-based position in the request. Keys outside the canonical columns are
/// collected in <see cref="IgnoredKeys"/>; a null entry (not an object) is a record with an error.
/// </summary>
sealed class EventObjectReader : RecordReader
{
    readonly IReadOnlyList<IReadOnlyDictionary<string, string?>?> _events;
    readonly byte[][] _fields;
    int _next;

    public EventObjectReader(IReadOnlyList<IReadOnlyDictionary<string, string?>?> events)
    {
        _events = events;
        Header = CanonicalSchema.Events.Columns.Select(c => c.Name).ToArray();
        _fields = new byte[Header.Count][];
    }

    public SortedSet<string> IgnoredKeys { get; } = new(StringComparer.Ordinal);

    public override int FieldCount => Header.Count;
    public override long Position => _next;
    public override long? Length => _events.Count;

    public override ReadOnlySpan<byte> Field(int index) => _fields[index];

    public override string RawText() => _events[_next - 1] is { } e ? JsonSerializer.Serialize(e) : "null";

    public override bool Read()
    {
        if (_next >= _events.Count) return false;
        var current = _events[_next++];
        Line = _next;
        Error = current is null ? "the event is not a JSON object" : null;
        for (var i = 0; i < _fields.Length; i++)
            _fields[i] = current is not null && Value(current, Header[i]) is { } v ? Encoding.UTF8.GetBytes(v) : [];
        if (current is not null)
            foreach (var key in current.Keys)
                if (CanonicalSchema.Events.IndexOf(key) < 0) IgnoredKeys.Add(key);
        return true;
    }

    /// <summary>The event's value for a canonical column: its exact key, else a key differing only in case.</summary>
    public static string? Value(IReadOnlyDictionary<string, string?> e, string column)
    {
        if (e.TryGetValue(column, out var v)) return v;
        foreach (var (key, value) in e)
            if (string.Equals(key, column, StringComparison.OrdinalIgnoreCase)) return value;
        return null;
    }
}
