namespace ShopLens.Core.Store;

/// <summary>
/// Dictionary encoding of external string ids to dense int keys (0, 1, 2, …), loaded from the store and grown by
/// imports; keys added since the last <see cref="MarkCommitted"/> can be taken back when a batch rolls back.
/// </summary>
public sealed class IdDictionary
{
    readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);
    readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    readonly List<string> _ids = [];

    public IdDictionary() => _lookup = _keys.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _ids.Count;

    /// <summary>Keys at or above this were added in the current batch.</summary>
    public int CommittedCount { get; private set; }

    public string IdOf(int key) => _ids[key];

    public bool TryGetKey(string id, out int key) => _keys.TryGetValue(id, out key);

    /// <summary>Adds an id known to the store under its key; keys must arrive as 0, 1, 2, ….</summary>
    public void Load(string id, int key)
    {
        if (key != _ids.Count) throw new InvalidDataException($"dictionary keys are not dense: expected {_ids.Count}, found {key} for '{id}'");
        _keys.Add(id, key);
        _ids.Add(id);
        CommittedCount = _ids.Count;
    }

    public int GetOrAdd(ReadOnlySpan<char> id)
    {
        if (_lookup.TryGetValue(id, out var key)) return key;
        var s = id.ToString();
        key = _ids.Count;
        _keys.Add(s, key);
        _ids.Add(s);
        return key;
    }

    public IEnumerable<(int Key, string Id)> Uncommitted()
    {
        for (var k = CommittedCount; k < _ids.Count; k++) yield return (k, _ids[k]);
    }

    public void MarkCommitted() => CommittedCount = _ids.Count;

    public void RollBack()
    {
        for (var k = _ids.Count - 1; k >= CommittedCount; k--) _keys.Remove(_ids[k]);
        _ids.RemoveRange(CommittedCount, _ids.Count - CommittedCount);
    }
}
