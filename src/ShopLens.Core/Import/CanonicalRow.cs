using System.Text;
using ShopLens.Core.Model;

namespace ShopLens.Core.Import;

/// <summary>One input row's values for one canonical table, as UTF-8 text, before parsing and validation.</summary>
public sealed class CanonicalRow
{
    readonly int[] _start, _length;
    byte[] _arena = new byte[1024];
    int _used;

    public CanonicalRow(CanonicalTable table)
    {
        Table = table;
        _start = new int[table.Columns.Count];
        _length = new int[table.Columns.Count];
        Clear();
    }

    public CanonicalTable Table { get; }

    /// <summary>True once any value was set since the last <see cref="Clear"/>.</summary>
    public bool HasValues { get; private set; }

    public void Clear()
    {
        Array.Fill(_length, -1);
        _used = 0;
        HasValues = false;
    }

    public void Set(int column, ReadOnlySpan<byte> utf8)
    {
        if (_used + utf8.Length > _arena.Length) Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _used + utf8.Length));
        utf8.CopyTo(_arena.AsSpan(_used));
        _start[column] = _used;
        _length[column] = utf8.Length;
        _used += utf8.Length;
        HasValues = true;
    }

    public void Set(int column, string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_used + max > _arena.Length) Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _used + max));
        var n = Encoding.UTF8.GetBytes(text, _arena.AsSpan(_used));
        _start[column] = _used;
        _length[column] = n;
        _used += n;
        HasValues = true;
    }

    /// <summary>The column's text; empty when it was not set or set to empty (both mean missing).</summary>
    public ReadOnlySpan<byte> Get(int column) =>
        _length[column] <= 0 ? default : _arena.AsSpan(_start[column], _length[column]);
}
