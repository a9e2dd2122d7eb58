using ShopLens.Core.Model;

namespace ShopLens.Core.Import.Presets;

/// <summary>The canonical rows one input record produces, one slot per table.</summary>
public sealed class RowSet
{
    readonly CanonicalRow[] _rows = CanonicalSchema.All.Select(t => new CanonicalRow(t)).ToArray();

    public CanonicalRow this[Table table] => _rows[(int)table];

    public void Clear()
    {
        foreach (var r in _rows) r.Clear();
    }
}
