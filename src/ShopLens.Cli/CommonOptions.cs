using System.CommandLine;

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
}
