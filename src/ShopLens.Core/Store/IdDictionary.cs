namespace ShopLens.Core.Store;

/// <summary>
/// Dictionary encoding of external string ids to dense int keys (0, 1, 2, …), loaded from the store and grown by
/// imports; keys added since the last <see cref="MarkCommitted"/> can be taken back when a batch rolls back.
/// Ids that are plain decimal numbers (no sign, no leading zero) skip string hashing: small ones index an array,
/// larger ones a <c>long</c>-keyed dictionary; this is most of the cost of reading an event log.
/// </summary>
public sealed class IdDictionary
{
    const long DirectLimit = 1 << 22;
    readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);
    readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    readonly Dictionary<long, int> _numbers = [];
    int[] _direct = [];
    readonly List<string> _ids = [];

    public IdDictionary() => _lookup = _keys.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _ids.Count;

    /// <summary>Keys at or above this were added in the current batch.</summary>
    public int CommittedCount { get; private set; }

    public string IdOf(int key) => _ids[key];

    public bool TryGetKey(string id, out int key)
    {
        if (TryNumber(id, out var n)) return TryGetNumber(n, out key);
        return _keys.TryGetValue(id, out key);
    }

    /// <summary>Adds an id known to the store under its key; keys must arrive as 0, 1, 2, ….</summary>
    public void Load(string id, int key)
    {
        if (key != _ids.Count) throw new InvalidDataException($"dictionary keys are not dense: expected {_ids.Count}, found {key} for '{id}'");
        Add(id, id);
        CommittedCount = _ids.Count;
    }

    public int GetOrAdd(ReadOnlySpan<char> id)
    {
        if (TryNumber(id, out var n))
        {
            if (TryGetNumber(n, out var k)) return k;
        }
        else if (_lookup.TryGetValue(id, out var key)) return key;
        return Add(id.ToString(), id);
    }

    /// <summary>Same as <see cref="GetOrAdd(ReadOnlySpan{char})"/> for UTF-8 text; numeric ids need no decoding.</summary>
    public int GetOrAdd(ReadOnlySpan<byte> utf8, Span<char> scratch)
    {
        if (TryNumber(utf8, out var n) && TryGetNumber(n, out var k)) return k;
        var status = System.Text.Unicode.Utf8.ToUtf16(utf8, scratch, out _, out var written);
        if (status != System.Buffers.OperationStatus.Done) return -1;
        return GetOrAdd(scratch[..written]);
    }

    static bool TryNumber(ReadOnlySpan<byte> s, out long n)
    {
        n = 0;
        if (s.Length is 0 or > 18 || (s[0] == (byte)'0' && s.Length > 1)) return false;
        foreach (var c in s)
        {
            var d = c - '0';
            if ((uint)d > 9) return false;
            n = n * 10 + d;
        }
        return true;
    }

    int Add(string id, ReadOnlySpan<char> span)
    {
        var key = _ids.Count;
        if (TryNumber(span, out var n))
        {
            if (n < DirectLimit)
            {
                if (n >= _direct.Length) Array.Resize(ref _direct, (int)Math.Min(DirectLimit, Math.Max(n + 1, _direct.Length * 2L)));
                _direct[n] = key + 1;
            }
            else _numbers.Add(n, key);
        }
        else _keys.Add(id, key);
        _ids.Add(id);
        return key;
    }

    bool TryGetNumber(long n, out int key)
    {
        if (n < DirectLimit)
        {
            key = n < _direct.Length ? _direct[n] - 1 : -1;
            return key >= 0;
        }
        return _numbers.TryGetValue(n, out key);
    }

    // "42" but not "042", "+42", "-1" or 19+ digits: those stay strings so that distinct ids never collide.
    static bool TryNumber(ReadOnlySpan<char> s, out long n)
    {
        n = 0;
        if (s.Length is 0 or > 18 || (s[0] == '0' && s.Length > 1)) return false;
        foreach (var c in s)
        {
            var d = c - '0';
            if ((uint)d > 9) return false;
            n = n * 10 + d;
        }
        return true;
    }

    /// <summary>
    /// Gives a committed key a new id (an erased customer's tombstone): the old id is forgotten, so if it comes back it
    /// gets a new key.
    /// </summary>
    public void Rename(int key, string newId)
    {
        ArgumentNullException.ThrowIfNull(newId);
        if ((uint)key >= (uint)CommittedCount) throw new ArgumentOutOfRangeException(nameof(key), key, "only a committed key can be renamed");
        if (TryNumber(newId, out _)) throw new ArgumentException($"'{newId}' is a number; a tombstone must not be", nameof(newId));
        if (TryGetKey(newId, out _)) throw new ArgumentException($"'{newId}' already has a key", nameof(newId));
        var old = _ids[key];
        if (!TryNumber(old, out var n)) _keys.Remove(old);
        else if (n < DirectLimit) _direct[n] = 0;
        else _numbers.Remove(n);
        _ids[key] = newId;
        _keys[newId] = key;
    }

    public IEnumerable<(int Key, string Id)> Uncommitted()
    {
        for (var k = CommittedCount; k < _ids.Count; k++) yield return (k, _ids[k]);
    }

    public void MarkCommitted() => CommittedCount = _ids.Count;

    public void RollBack()
    {
        for (var k = _ids.Count - 1; k >= CommittedCount; k--)
        {
            var id = _ids[k];
            if (!TryNumber(id, out var n)) _keys.Remove(id);
            else if (n < DirectLimit) _direct[n] = 0;
            else _numbers.Remove(n);
        }
        _ids.RemoveRange(CommittedCount, _ids.Count - CommittedCount);
    }
}
