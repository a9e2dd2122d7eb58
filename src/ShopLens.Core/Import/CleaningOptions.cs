namespace ShopLens.Core.Import;

/// <summary>How missing values are filled per column.</summary>
public enum MissingValuePolicy
{
    /// <summary>Keep them missing (the default).</summary>
    Keep,
    /// <summary>Reject the row, with reason <c>missing_dropped</c> (it goes to the rejects file).</summary>
    Drop,
    /// <summary>Fill with the column's mean over the batch.</summary>
    Mean,
    /// <summary>Fill with the column's median over the batch.</summary>
    Median,
    /// <summary>Fill with the column's most frequent value over the batch.</summary>
    Mode,
}

/// <summary>How numeric outliers are flagged (never removed): by z-score beyond 3, or outside 1.5 IQR of the quartiles.</summary>
public enum OutlierRule
{
    None,
    ZScore,
    Iqr,
}

/// <summary>Cleaning asked for on import: missing-value handling per canonical column, and the outlier rule.</summary>
public sealed record CleaningOptions
{
    public IReadOnlyDictionary<string, MissingValuePolicy> Missing { get; init; } = new Dictionary<string, MissingValuePolicy>();

    public OutlierRule Outliers { get; init; } = OutlierRule.None;

    public static CleaningOptions Default { get; } = new();

    /// <summary>Parses <c>price=median,quantity=drop</c>.</summary>
    public static IReadOnlyDictionary<string, MissingValuePolicy> ParseMissing(string spec)
    {
        var result = new Dictionary<string, MissingValuePolicy>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (kv.Length != 2 || !Enum.TryParse<MissingValuePolicy>(kv[1], true, out var policy))
                throw new ArgumentException($"'{part}' is not COLUMN=mean|median|mode|drop|keep");
            result[kv[0]] = policy;
        }
        return result;
    }
}
