using System.Globalization;
using System.IO.Compression;
using System.Text;
using ShopLens.Core.Import;
using ShopLens.Core.Import.Reading;

namespace ShopLens.Insight.Reviews;

/// <summary>
/// Reads labelled texts from a CSV or TSV file, or a member of a .zip (<c>corpus.zip:train.tsv</c>; a zip with one
/// CSV/TSV needs no member name). TSV is read as plain tab-separated lines, without quoting (as corpora ship it); CSV with
/// RFC 4180 quoting. The label column holds 1/0, pos/neg, positive/negative, true/false or yes/no — or star ratings 1-5,
/// recognised by any value 2 to 5, which become weak labels (4-5 positive, 1-2 negative, 3 counted as neutral).
/// </summary>
public static class LabelledTextFile
{
    static readonly string[] TextColumns = ["text", "review", "text_a", "content", "comment", "sentence"];
    static readonly string[] LabelColumns = ["label", "sentiment", "rating", "stars", "polarity"];
    static readonly DelimitedDialect PlainTsv = new((byte)'\t', false, false);

    /// <exception cref="ImportException">the file, member or a column is missing, or no line has a usable label</exception>
    public static LabelledTexts Read(string path, string? textColumn = null, string? labelColumn = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (file, member) = Split(path);
        if (!File.Exists(file)) throw new ImportException($"{file}: no such file");
        if (Path.GetExtension(file).Equals(".zip", StringComparison.OrdinalIgnoreCase))
        {
            using var zip = ZipFile.OpenRead(file);
            var entry = Entry(zip, file, member);
            using var stream = entry.Open();
            return Read(stream, entry.Length, $"{file}:{entry.FullName}", entry.FullName, textColumn, labelColumn);
        }
        if (member is not null) throw new ImportException($"{file}: only a .zip has members (got ':{member}')");
        using var plain = File.OpenRead(file);
        return Read(plain, plain.Length, file, file, textColumn, labelColumn);
    }

    /// <summary>"a.zip:b.tsv" → ("a.zip", "b.tsv"); anything else is a file.</summary>
    static (string File, string? Member) Split(string path)
    {
        var at = path.IndexOf(".zip:", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? (path, null) : (path[..(at + 4)], path[(at + 5)..]);
    }

    static ZipArchiveEntry Entry(ZipArchive zip, string file, string? member)
    {
        if (member is not null)
            return zip.GetEntry(member) ?? throw new ImportException($"{file} has no member '{member}' (it has: {Members(zip)})");
        var data = zip.Entries.Where(e => IsTsv(e.FullName) || e.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).ToList();
        return data.Count == 1 ? data[0] : throw new ImportException($"{file}: name the member to read, as {file}:MEMBER (it has: {Members(zip)})");
    }

    static string Members(ZipArchive zip) => string.Join(", ", zip.Entries.Where(e => e.Length > 0).Select(e => e.FullName));

    static bool IsTsv(string name) => name.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tab", StringComparison.OrdinalIgnoreCase);

    static LabelledTexts Read(Stream stream, long length, string source, string name, string? textColumn, string? labelColumn)
    {
        using var reader = DelimitedRecordReader.Open(stream, length, IsTsv(name) ? PlainTsv : DelimitedDialect.Csv, null);
        var text = Column(reader.Header, textColumn, TextColumns, "text", source);
        var label = Column(reader.Header, labelColumn, LabelColumns, "label", source);
        var rows = new List<(long Line, string Text, string Label)>();
        var rejected = new List<RejectedLine>();
        while (reader.Read())
        {
            if (reader.Error is not null) { rejected.Add(new RejectedLine(reader.Line, reader.Error)); continue; }
            if (reader.FieldCount <= label) { rejected.Add(new RejectedLine(reader.Line, $"no {reader.Header[label]} field ({reader.FieldCount} fields)")); continue; }
            var body = text < reader.FieldCount ? Encoding.UTF8.GetString(reader.Field(text)).Trim() : "";
            rows.Add((reader.Line, body, Encoding.UTF8.GetString(reader.Field(label)).Trim().ToLowerInvariant()));
        }
        var kind = rows.Any(r => r.Label is "2" or "3" or "4" or "5") ? LabelKind.Ratings : LabelKind.Binary;
        var texts = new List<string>();
        var labels = new List<bool>();
        var neutral = 0;
        var labelName = reader.Header[label];
        foreach (var (line, body, value) in rows)
        {
            var parsed = kind == LabelKind.Ratings ? Rating(value) : Binary(value);
            if (parsed is null)
            {
                rejected.Add(new RejectedLine(line, kind == LabelKind.Ratings
                    ? $"{labelName} '{value}' is not a rating 1 to 5"
                    : $"{labelName} '{value}' is not 1/0, pos/neg, positive/negative, true/false or yes/no"));
                continue;
            }
            if (parsed == Neutral) { neutral++; continue; }
            if (body.Length == 0) { rejected.Add(new RejectedLine(line, $"{reader.Header[text]} is empty")); continue; }
            texts.Add(body);
            labels.Add(parsed == Positive);
        }
        rejected.Sort((a, b) => a.Line.CompareTo(b.Line));
        if (texts.Count == 0)
            throw new ImportException($"{source}: no line has a text and a usable label" + (rejected.Count > 0 ? $" (line {rejected[0].Line}: {rejected[0].Reason})" : ""));
        return new LabelledTexts(source, reader.Header[text], labelName, kind, texts, [.. labels], rejected, neutral);
    }

    const int Negative = 0, Positive = 1, Neutral = 2;

    static int? Binary(string value) => value switch
    {
        "1" or "pos" or "positive" or "true" or "yes" => Positive,
        "0" or "neg" or "negative" or "false" or "no" => Negative,
        _ => null,
    };

    static int? Rating(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var stars) && stars is >= 1 and <= 5 && stars == Math.Floor(stars)
            ? stars >= 4 ? Positive : stars <= 2 ? Negative : Neutral
            : null;

    static int Column(IReadOnlyList<string> header, string? wanted, string[] usual, string role, string source)
    {
        if (header.Count == 0) throw new ImportException($"{source}: the file is empty");
        if (wanted is not null)
        {
            var at = IndexOf(header, wanted);
            return at >= 0 ? at : throw new ImportException($"{source}: no column '{wanted}' (the header has: {string.Join(", ", header)})");
        }
        foreach (var name in usual)
            if (IndexOf(header, name) is var found and >= 0) return found;
        throw new ImportException($"{source}: no {role} column among {string.Join(", ", usual)}; name it with --{role}-col (the header has: {string.Join(", ", header)})");
    }

    static int IndexOf(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
            if (string.Equals(header[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}
