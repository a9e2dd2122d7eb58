using ShopLens.Core.Import.Reading;
using ShopLens.Core.Model;

namespace ShopLens.Core.Import.Presets;

/// <summary>
/// Files in the canonical layout of one table, matched by header name. <c>--map from=to</c> renames source columns;
/// without <c>--table</c> the table is chosen from the file name (<c>events.csv</c>) or else from the header.
/// </summary>
public sealed class CanonicalPreset(CanonicalTable? table, IReadOnlyDictionary<string, string> map) : ImportPreset
{
    CanonicalTable? _table = table;
    int[] _source = [];

    public override string Name => "canonical";
    public override string Description => "canonical CSV/TSV/JSON lines/xlsx/Parquet of one table, by header (docs/data-model.md)";

    public override IReadOnlyList<Table> Tables => _table is null ? throw new InvalidOperationException("Bind first") : [_table.Table];

    /// <summary>Source columns that match no canonical column (reported, not imported).</summary>
    public IReadOnlyList<string> IgnoredColumns { get; private set; } = [];

    public override void Bind(SourceFile source, IReadOnlyList<string> header)
    {
        var names = header.Select(h => map.TryGetValue(h.Trim(), out var to) ? to : h.Trim()).ToArray();
        _table ??= ChooseTable(source, names);
        _source = _table.Columns.Select(c => Find(names, c.Name)).ToArray();
        var missing = _table.Columns.Where((c, i) => c.Required && _source[i] < 0).Select(c => c.Name).ToArray();
        if (missing.Length > 0)
            throw new ImportException(
                $"{source.Name}: missing required column(s) {string.Join(", ", missing)} for table {_table.Name}; " +
                $"the header has: {string.Join(", ", header)} (rename with --map source=canonical)");
        IgnoredColumns = header.Where((h, i) => Array.IndexOf(_source, i) < 0).ToArray();
    }

    public override bool Map(RecordReader record, RowSet rows, out Rejection rejection)
    {
        var row = rows[_table!.Table];
        for (var c = 0; c < _source.Length; c++)
            if (_source[c] >= 0) row.Set(c, record.Field(_source[c]));
        rejection = default;
        return true;
    }

    static CanonicalTable ChooseTable(SourceFile source, string[] header)
    {
        var stem = Path.GetFileName(source.Path).Split('.')[0];
        var byName = CanonicalSchema.Find(stem);
        if (byName is not null) return byName;
        var fits = CanonicalSchema.All
            .Where(t => t.Columns.All(c => !c.Required || Find(header, c.Name) >= 0))
            .Select(t => (Table: t, Matched: t.Columns.Count(c => Find(header, c.Name) >= 0), Extra: header.Count(h => t.IndexOf(h) < 0)))
            .OrderByDescending(f => f.Matched - f.Extra)
            .ToArray();
        if (fits.Length == 0)
            throw new ImportException($"{source.Name}: the header ({string.Join(", ", header)}) has the required columns of no table; name the table with --table and rename columns with --map");
        if (fits.Length > 1 && fits[0].Matched - fits[0].Extra == fits[1].Matched - fits[1].Extra)
            throw new ImportException($"{source.Name}: the header fits tables {fits[0].Table.Name} and {fits[1].Table.Name}; choose one with --table");
        return fits[0].Table;
    }
}
