namespace ShopLens.Core.Store;

/// <summary>
/// Writes the rows of a query to a file in the format its extension names: CSV, Parquet and JSON lines through DuckDB's
/// COPY, Excel through <see cref="XlsxExport"/>.
/// </summary>
public static class QueryExport
{
    /// <summary>The extensions <see cref="Write"/> knows.</summary>
    public const string Formats = ".csv, .parquet, .jsonl or .xlsx";

    /// <summary>
    /// Writes the rows of <paramref name="selectSql"/> to <paramref name="path"/>: CSV with a header, Parquet, JSON lines
    /// (<c>.jsonl</c>, <c>.ndjson</c>) or an Excel workbook (<c>.xlsx</c>); returns the number of rows written. In a CSV a
    /// text cell that starts with =, +, −, @, a tab or a carriage return gets a leading apostrophe (OWASP's guard against
    /// formula injection: a spreadsheet would run it) unless <paramref name="protectFormulas"/> is false, for files that
    /// are read back by programs and must stay exact. Cells of an .xlsx are typed, so text there is never a formula.
    /// </summary>
    public static long Write(IShopStore store, string selectSql, string path, bool protectFormulas = true)
    {
        ArgumentNullException.ThrowIfNull(store);
        var format = Check(path);
        if (format == Xlsx) return XlsxExport.Write(store, selectSql, path);
        var rows = protectFormulas && format.StartsWith("FORMAT csv", StringComparison.Ordinal) ? Guarded(store, selectSql) : selectSql;
        return store.Execute($"COPY ({rows}) TO {SqlLiteral.Text(Path.GetFullPath(path))} ({format})");
    }

    const string Xlsx = "xlsx";

    /// <summary>
    /// Checks that <paramref name="path"/> can be written (a known extension, an existing folder), so that long work can
    /// fail before it starts; returns the COPY format. The errors name the path.
    /// </summary>
    public static string Check(string path)
    {
        var format = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => "FORMAT csv, HEADER",
            ".parquet" => "FORMAT parquet",
            ".jsonl" or ".ndjson" => "FORMAT json",
            ".xlsx" => Xlsx,
            _ => throw new ArgumentException($"{path}: the file must be {Formats}"),
        };
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null && !Directory.Exists(dir)) throw new IOException($"{path}: folder {dir} does not exist");
        return format;
    }

    /// <summary>The query with each text column's formula-like values prefixed by an apostrophe.</summary>
    static string Guarded(IShopStore store, string selectSql)
    {
        var columns = new List<(string Name, bool Text)>();
        using (var reader = store.Query($"DESCRIBE {selectSql}"))
            while (reader.Read()) columns.Add((reader.GetString(0), reader.GetString(1) == "VARCHAR"));
        if (!columns.Any(c => c.Text)) return selectSql;
        var select = columns.Select(c =>
        {
            var name = "\"" + c.Name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            return c.Text
                ? $"CASE WHEN left({name}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || {name} ELSE {name} END AS {name}"
                : name;
        });
        return $"SELECT {string.Join(", ", select)} FROM ({selectSql}) AS exported";
    }
}
