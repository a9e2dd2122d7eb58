using ShopLens.Core.Import.Reading;
using ShopLens.Core.Model;

namespace ShopLens.Core.Import.Presets;

/// <summary>
/// Turns one source layout into canonical rows. Each input record yields at most one row per table; the first of
/// <see cref="Tables"/> is the primary one, whose outcome (accepted, duplicate) is the record's in the import report.
/// </summary>
public abstract class ImportPreset
{
    public abstract string Name { get; }

    /// <summary>One line for <c>--help</c> and the docs.</summary>
    public abstract string Description { get; }

    public abstract IReadOnlyList<Table> Tables { get; }

    /// <summary>Opens the file; presets of headerless formats give the column names here.</summary>
    public virtual RecordReader Open(SourceFile source) => SourceFormats.Open(source, header: null);

    /// <summary>Checks the header and remembers where each needed column is; throws <see cref="ImportException"/> naming what is missing.</summary>
    public abstract void Bind(SourceFile source, IReadOnlyList<string> header);

    /// <summary>Fills <paramref name="rows"/> (cleared beforehand) from the current record, or says why the record is rejected.</summary>
    public abstract bool Map(RecordReader record, RowSet rows, out Rejection rejection);

    /// <summary>Index of a header column by name (case-insensitive, spaces trimmed), or -1.</summary>
    protected static int Find(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
            if (string.Equals(header[i].Trim(), name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    protected static int[] Require(SourceFile source, IReadOnlyList<string> header, params string[] names)
    {
        var found = names.Select(n => Find(header, n)).ToArray();
        var missing = names.Where((n, i) => found[i] < 0).ToArray();
        if (missing.Length > 0)
            throw new ImportException($"{source.Name}: missing column(s) {string.Join(", ", missing)}; the header has: {string.Join(", ", header)}");
        return found;
    }
}
