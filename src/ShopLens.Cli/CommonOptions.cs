using ShopLens.Core.Store;
using System.CommandLine;
using System.Globalization;

namespace ShopLens.Cli;

/// <summary>The options every command shares (../shared/CLI.md).</summary>
static class CommonOptions
{
    public static readonly Option<bool> Verbose = new("--verbose") { Description = "Show stack traces on failure", Recursive = true };

    public static Option<string> Db() => new("--db")
    {
        Description = "The store, a DuckDB file",
        DefaultValueFactory = _ => "shoplens.duckdb",
    };

    public static Option<bool> Json() => new("--json") { Description = "Print exactly one JSON object on stdout" };

    public static Option<int> Seed(int fallback = 1) => new("--seed")
    {
        Description = "Seed for every random choice",
        DefaultValueFactory = _ => fallback,
    };

    /// <summary>Reads a length of time in whole days: "14d" or "14" → 14, "26w" → 182; anything else names the option.</summary>
    public static int ParseDays(string text, string option)
    {
        var (digits, factor) = text.EndsWith('w') ? (text[..^1], 7) : (text.EndsWith('d') ? text[..^1] : text, 1);
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
            throw new ArgumentException($"{option} '{text}' is not a number of days or weeks such as 14d or 26w");
        return days * factor;
    }

    /// <summary>Opens an existing store: a path that names no file is an error, not a new empty store.</summary>
    public static ShopStore OpenStore(string path) =>
        File.Exists(path) ? ShopStore.Open(path) : throw new IOException($"{path}: no such store (import something first, or pass --db)");

    /// <summary>Reads a date or date-time option (ISO 8601, UTC unless it says otherwise); null when absent.</summary>
    public static DateTime? ParseTime(string? text, string option)
    {
        if (text is null) return null;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t))
            throw new ArgumentException($"{option} '{text}' is not an ISO 8601 date or date-time");
        return t;
    }
}
