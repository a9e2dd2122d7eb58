using System.IO.Compression;
using ShopLens.Core.Import.Reading;


namespace ShopLens.Core.Import;

/// <summary>Opens a source file with the reader its format needs, after checking that it is what it claims to be.</summary>
public static class SourceFormats
{
    public static readonly IReadOnlyList<string> Names = ["csv", "tsv", "jsonl", "xlsx", "parquet"];

    public static RecordReader Open(SourceFile source, IReadOnlyList<string>? header) => source.ResolvedFormat switch
    {
        "csv" => OpenDelimited(source, DelimitedDialect.Csv, header),
        "tsv" => OpenDelimited(source, DelimitedDialect.Tsv, header),
        "jsonl" => JsonLinesRecordReader.Open(OpenText(source), source.Name),
        "xlsx" => XlsxRecordReader.Open(source.Path),
        "parquet" => ParquetRecordReader.Open(source.Path),
        var f => throw new ImportException($"{source.Name}: unknown format '{f}' (known: {string.Join(", ", Names)})"),
    };

    public static RecordReader OpenDelimited(SourceFile source, DelimitedDialect dialect, IReadOnlyList<string>? header) =>
        DelimitedRecordReader.Open(OpenText(source), source.IsGzip ? null : new FileInfo(source.Path).Length, dialect, header);

    /// <summary>Opens the (decompressed) bytes; refuses files that are plainly binary rather than text.</summary>
    public static Stream OpenText(SourceFile source)
    {
        if (!File.Exists(source.Path)) throw new ImportException($"{source.Path}: no such file");
        using (var probe = OpenRaw(source)) CheckLooksLikeText(probe, source);
        return OpenRaw(source);
    }

    static Stream OpenRaw(SourceFile source)
    {
        Stream s = new FileStream(source.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return source.IsGzip ? new GzipEndCheck(new GZipStream(s, CompressionMode.Decompress), source.Path) : s;
    }

    static void CheckLooksLikeText(Stream s, SourceFile source)
    {
        var head = new byte[4096];
        var n = 0;
        try
        {
            int got;
            while (n < head.Length && (got = s.Read(head, n, head.Length - n)) > 0) n += got;
        }
        catch (InvalidDataException e)
        {
            throw new ImportException($"{source.Name}: not a valid gzip file ({e.Message})", e);
        }
        var nul = Array.IndexOf(head, (byte)0, 0, n);
        if (nul >= 0)
            throw new ImportException($"{source.Name}: looks binary (a NUL byte at offset {nul}), not {source.ResolvedFormat.ToUpperInvariant()} text; if it is compressed, name it .gz");
    }
}
