namespace ShopLens.Core.Import;

/// <summary>A file to import: its path, and its format when the extension does not tell (<c>csv</c>, <c>tsv</c>, <c>jsonl</c>, <c>xlsx</c>, <c>parquet</c>).</summary>
public sealed record SourceFile(string Path, string? Format = null)
{
    public string Name => System.IO.Path.GetFileName(Path);

    public bool IsGzip => Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>The format, from <see cref="Format"/> or the extension (a trailing <c>.gz</c> is looked through).</summary>
    public string ResolvedFormat
    {
        get
        {
            if (Format is not null) return Format.ToLowerInvariant();
            var p = IsGzip ? Path[..^3] : Path;
            var ext = System.IO.Path.GetExtension(p).TrimStart('.').ToLowerInvariant();
            return ext switch
            {
                "tsv" or "tab" => "tsv",
                "jsonl" or "ndjson" or "json" => "jsonl",
                "xlsx" => "xlsx",
                "parquet" => "parquet",
                _ => "csv",
            };
        }
    }
}
