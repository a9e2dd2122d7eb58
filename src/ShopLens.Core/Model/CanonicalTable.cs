namespace ShopLens.Core.Model;

/// <summary>A canonical table: its name in files and the store, its columns, and what makes two rows the same.</summary>
public sealed record CanonicalTable(Table Table, string Name, IReadOnlyList<CanonicalColumn> Columns, string DuplicateRule)
{
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (string.Equals(Columns[i].Name, column, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    public int Require(string column)
    {
        var i = IndexOf(column);
        return i >= 0 ? i : throw new ArgumentException($"table {Name} has no column {column}", nameof(column));
    }
}
