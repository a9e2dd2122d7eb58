using System.Text.Json;
using ShopLens.Cli;

namespace ShopLens.Cli.Tests;

/// <summary>The conventions of ../shared/CLI.md: one JSON object with stable keys on stdout, exit codes 0/1/2, one-line errors.</summary>
[Trait("Issue", "2")]
public sealed class CommandTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("shoplens-cli").FullName;

    (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    static JsonElement SingleJson(string stdout)
    {
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        return JsonDocument.Parse(lines[0]).RootElement;
    }

    [Fact]
    public void Generate_import_stats_profile_and_export_speak_json()
    {
        var data = Path.Combine(_dir, "shop");
        var db = Path.Combine(_dir, "s.duckdb");
        var gen = Run("generate", "--customers", "200", "--days", "30", "--seed", "3", "--out", data, "--json");
        Assert.Equal(0, gen.Code);
        var generated = SingleJson(gen.Out);
        Assert.True(generated.GetProperty("events").GetInt64() > 0);

        var files = new[] { "customers", "products", "events", "orders", "order_lines", "reviews" }.Select(t => Path.Combine(data, t + ".csv"));
        var import = Run(["import", "--db", db, "--json", .. files]);
        Assert.Equal(0, import.Code);
        var report = SingleJson(import.Out);
        foreach (var key in new[] { "read", "accepted", "rejected", "duplicates", "by_reason", "rejects_file" })
            Assert.True(report.TryGetProperty(key, out _), $"import --json lacks {key}");
        Assert.Equal(report.GetProperty("read").GetInt64(), report.GetProperty("accepted").GetInt64());
        Assert.Equal(generated.GetProperty("events").GetInt64() + generated.GetProperty("orders").GetInt64() + generated.GetProperty("customers").GetInt64()
            + generated.GetProperty("products").GetInt64() + generated.GetProperty("order_lines").GetInt64() + generated.GetProperty("reviews").GetInt64(),
            report.GetProperty("read").GetInt64());

        var stats = SingleJson(Run("stats", "--db", db, "--json").Out);
        foreach (var key in new[] { "customers", "products", "events", "orders", "order_lines", "reviews", "first_time", "last_time", "events_by_type" })
            Assert.True(stats.TryGetProperty(key, out _), $"stats --json lacks {key}");
        Assert.Equal(generated.GetProperty("events").GetInt64(), stats.GetProperty("events").GetInt64());
        Assert.EndsWith("Z", stats.GetProperty("first_time").GetString(), StringComparison.Ordinal);

        var profile = Run("profile", "--db", db, "--as-of", "2025-12-15", "--out", Path.Combine(_dir, "p.csv"), "--json");
        Assert.Equal(0, profile.Code);
        Assert.True(SingleJson(profile.Out).GetProperty("customers").GetInt64() > 0);
        Assert.True(File.ReadLines(Path.Combine(_dir, "p.csv")).Count() > 1);

        var export = Run("export", "--db", db, "--table", "events", "--out", Path.Combine(_dir, "e.parquet"), "--json");
        Assert.Equal(0, export.Code);
        Assert.Equal(stats.GetProperty("events").GetInt64(), SingleJson(export.Out).GetProperty("rows").GetInt64());
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        Assert.Equal(2, Run("import", "--no-such-option", "x.csv").Code);
        Assert.Equal(2, Run("frobnicate").Code);
        Assert.Equal(2, Run("import").Code);
    }

    [Fact]
    public void Failures_exit_1_with_one_line_and_a_stack_trace_only_when_verbose()
    {
        var missing = Path.Combine(_dir, "nope.csv");
        var (code, stdout, stderr) = Run("import", "--db", Path.Combine(_dir, "s.duckdb"), missing);
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("nope.csv", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", stderr, StringComparison.Ordinal);

        var verbose = Run("import", "--db", Path.Combine(_dir, "s.duckdb"), "--verbose", missing);
        Assert.Equal(1, verbose.Code);
        Assert.Contains(" at ", verbose.Err, StringComparison.Ordinal);

        Assert.Equal(1, Run("stats", "--db", Path.Combine(_dir, "none.duckdb")).Code);
        Assert.Equal(1, Run("profile", "--db", Path.Combine(_dir, "s.duckdb"), "--as-of", "yesterday").Code);
    }

    [Fact]
    public void Demo_runs_end_to_end()
    {
        var (code, stdout, stderr) = Run("demo", "--out", Path.Combine(_dir, "demo"), "--customers", "300", "--days", "60", "--json");
        Assert.True(code == 0, stderr);
        var demo = SingleJson(stdout);
        Assert.True(demo.GetProperty("stats").GetProperty("events").GetInt64() > 0);
        Assert.Equal(0, demo.GetProperty("import").GetProperty("rejected").GetInt64());
        Assert.True(File.Exists(demo.GetProperty("profile_file").GetString()));
        Assert.True(demo.GetProperty("clv").GetProperty("bgnbd").GetProperty("r").GetDouble() > 0);
        (code, stdout, stderr) = Run("predict", "clv", "--db", demo.GetProperty("db").GetString()!, "--top", "3", "--json");
        Assert.True(code == 0, stderr);
        Assert.Equal(3, SingleJson(stdout).GetProperty("customers").GetArrayLength());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
