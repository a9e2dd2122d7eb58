namespace ShopLens.Core.Store;

/// <summary>Writes the rows of a query to a file through DuckDB's COPY, in the format its extension names.</summary>
public static class QueryExport
{
    /// <summary>The extensions <see cref="Write"/> knows.</summary>
    public const string Formats = ".csv, .parquet or .jsonl";

    /// <summary>
    /// Writes the rows of <paramref name="selectSql"/> to <paramref name="path"/>: CSV with a header, Parquet, or JSON
    /// lines (<c>.jsonl</c>, <c>.ndjson</c>); returns the number of rows written.
    /// </summary>
    public static long Write(IShopStore store, string selectSql, string path)
    {
        ArgumentNullException.ThrowIfNull(store);
        var format = Check(path);
        return store.Execute($"COPY ({selectSql}) TO {SqlLiteral.Text(Path.GetFullPath(path))} ({format})");
    }

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
            _ => throw new ArgumentException($"{path}: the file must be {Formats}"),
        };
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null && !Directory.Exists(dir)) throw new IOException($"{path}: folder {dir} does not exist");
        return format;
    }
}
