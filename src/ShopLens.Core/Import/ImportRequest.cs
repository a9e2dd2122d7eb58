namespace ShopLens.Core.Import;

/// <summary>What to import and how.</summary>
public sealed record ImportRequest
{
    public required IReadOnlyList<SourceFile> Files { get; init; }

    /// <summary>A preset name (<see cref="Presets.PresetCatalog"/>), or null for canonical files.</summary>
    public string? Preset { get; init; }

    /// <summary>The canonical table for canonical files, or null to choose it from the file name or header.</summary>
    public string? Table { get; init; }

    /// <summary>Source column → canonical column renames for canonical files.</summary>
    public IReadOnlyDictionary<string, string> Map { get; init; } = new Dictionary<string, string>();

    public CleaningOptions Cleaning { get; init; } = CleaningOptions.Default;

    /// <summary>Rows per transaction: an interrupted import keeps every whole batch it committed.</summary>
    public int BatchRows { get; init; } = 2_000_000;

    /// <summary>Parses <c>user_id=customer_id,item_id=product_id</c>.</summary>
    public static IReadOnlyDictionary<string, string> ParseMap(string spec)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (kv.Length != 2 || kv[0].Length == 0 || kv[1].Length == 0)
                throw new ArgumentException($"'{part}' is not SOURCE=CANONICAL");
            result[kv[0]] = kv[1];
        }
        return result;
    }
}
