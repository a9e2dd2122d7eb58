using System.Text.Json.Serialization;

namespace ShopLens.Core.Import;

/// <summary>
/// What happened to every input row of one file: <c>read = accepted + rejected + duplicates</c>.
/// Rows are records of the source (a CSV record, a JSON line, a spreadsheet row); blank lines are not rows.
/// </summary>
public sealed record FileImportReport
{
    public required string File { get; init; }
    public required string Format { get; init; }
    public required string Preset { get; init; }
    public required IReadOnlyList<string> Tables { get; init; }
    public long Read { get; init; }
    public long Accepted { get; init; }
    public long Rejected { get; init; }
    public long Duplicates { get; init; }
    public IReadOnlyDictionary<string, long> ByReason { get; init; } = new Dictionary<string, long>();
    public string? RejectsFile { get; init; }
    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];
    /// <summary>Missing values filled per column (by <see cref="CleaningOptions.Missing"/>).</summary>
    public IReadOnlyDictionary<string, long> Filled { get; init; } = new Dictionary<string, long>();
    public IReadOnlyList<OutlierReport> Outliers { get; init; } = [];
    public string? OutliersFile { get; init; }
    public int Batches { get; init; }

    [JsonPropertyName("elapsed_s")]
    public double ElapsedSeconds { get; init; }

    /// <summary>Seconds spent reading, checking and staging rows; the rest of <see cref="ElapsedSeconds"/> is merging and committing.</summary>
    [JsonPropertyName("stage_s")]
    public double StageSeconds { get; init; }
}

/// <summary>Values of one numeric column outside the rule's bounds (flagged and kept).</summary>
public sealed record OutlierReport(string Table, string Column, string Rule, double Low, double High, long Count);

/// <summary>The report of one <c>import</c> run: totals and one entry per file.</summary>
public sealed record ImportReport(IReadOnlyList<FileImportReport> Files)
{
    public long Read => Files.Sum(f => f.Read);
    public long Accepted => Files.Sum(f => f.Accepted);
    public long Rejected => Files.Sum(f => f.Rejected);
    public long Duplicates => Files.Sum(f => f.Duplicates);

    [JsonPropertyName("elapsed_s")]
    public double ElapsedSeconds => Files.Sum(f => f.ElapsedSeconds);

    public IReadOnlyDictionary<string, long> ByReason =>
        Files.SelectMany(f => f.ByReason).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
}
