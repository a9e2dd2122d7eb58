using System.Text.Json;
using ShopLens.Cli;

namespace ShopLens.Cli.Tests;

/// <summary><c>shoplens funnel</c>: its JSON keys, its attempts file, and one-line usage errors for bad steps, windows and breakdowns.</summary>
[Trait("Issue", "3")]
public sealed class FunnelCommandTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("shoplens-funnel-cli").FullName;

    (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    // a: view → cart → purchase; b: view → cart; c: view only.
    string Store()
    {
        var events = Path.Combine(_dir, "events.csv");
        File.WriteAllText(events, """
            customer_id,product_id,type,timestamp,channel
            a,p1,view,2024-03-01T10:00:00Z,app
            a,p1,cart,2024-03-01T10:05:00Z,app
            a,p1,purchase,2024-03-01T10:20:00Z,app
            b,p1,view,2024-03-01T11:00:00Z,web
            b,p1,cart,2024-03-01T11:01:00Z,web
            c,p1,view,2024-03-02T09:00:00Z,web

            """);
        var db = Path.Combine(_dir, "shop.duckdb");
        Assert.Equal(0, Run("import", "--db", db, events).Code);
        return db;
    }

    [Fact]
    public void Funnel_prints_one_json_object_with_the_documented_keys_and_writes_the_attempts()
    {
        var db = Store();
        var attempts = Path.Combine(_dir, "attempts.csv");
        var (code, stdout, stderr) = Run("funnel", "--db", db, "--steps", "view,cart,purchase", "--window", "1d", "--by", "channel", "--out", attempts, "--json");
        Assert.True(code == 0, stderr);
        var json = JsonDocument.Parse(Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))).RootElement;
        foreach (var key in new[] { "funnel", "window", "window_s", "from", "as_of", "entered", "converted", "conversion", "median_time_to_convert_s", "steps", "breakdown", "correlations", "out_file" })
            Assert.True(json.TryGetProperty(key, out _), $"funnel --json lacks {key}");
        Assert.Equal(86400, json.GetProperty("window_s").GetInt64());
        var steps = json.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["view", "cart", "purchase"], steps.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal([3L, 2L, 1L], steps.Select(s => s.GetProperty("customers").GetInt64()));
        foreach (var key in new[] { "step", "conversion", "conversion_from_start", "drop_off", "drop_off_rate", "median_time_to_step_s", "mean_time_to_step_s" })
            Assert.True(steps[1].TryGetProperty(key, out _), $"a step lacks {key}");
        Assert.Equal(0.5, steps[2].GetProperty("conversion").GetDouble());
        Assert.Equal(1, steps[2].GetProperty("drop_off").GetInt64());
        Assert.Equal(180, steps[1].GetProperty("median_time_to_step_s").GetDouble()); // (300 + 60) / 2
        Assert.Equal(JsonValueKind.Null, steps[0].GetProperty("median_time_to_step_s").ValueKind);
        var breakdown = json.GetProperty("breakdown");
        Assert.Equal("channel", breakdown.GetProperty("by").GetString());
        var groups = breakdown.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("value").GetString()!, g => g.GetProperty("entered").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["web"] = 2, ["app"] = 1 }, groups);
        var correlations = json.GetProperty("correlations");
        foreach (var key in new[] { "converted", "dropped_off", "skewed", "event_types", "attributes", "categories" })
            Assert.True(correlations.TryGetProperty(key, out _), $"correlations lacks {key}");
        Assert.Equal(["customer_id,steps_reached,converted,view_at,cart_at,purchase_at", "a,3,true,2024-03-01 10:00:00,2024-03-01 10:05:00,2024-03-01 10:20:00"],
            File.ReadLines(attempts).Take(2));
    }

    [Fact]
    public void A_cut_off_before_the_data_gives_an_empty_funnel()
    {
        var (code, stdout, _) = Run("funnel", "--db", Store(), "--steps", "view,purchase", "--as-of", "2020-01-01", "--json");
        Assert.Equal(0, code);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(0, json.GetProperty("entered").GetInt64());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("conversion").ValueKind);
        var human = Run("funnel", "--db", Path.Combine(_dir, "shop.duckdb"), "--steps", "view,purchase", "--as-of", "2020-01-01");
        Assert.Equal(0, human.Code);
        Assert.Contains("nobody entered", human.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("teleport", "--steps", "view,teleport")]
    [InlineData("at least two steps", "--steps", "view")]
    [InlineData("'3x'", "--steps", "view,cart", "--window", "3x")]
    [InlineData("'colour'", "--steps", "view,cart", "--by", "colour")]
    public void Bad_values_are_usage_errors_naming_the_value(string named, params string[] args)
    {
        var (code, stdout, stderr) = Run(["funnel", "--db", Path.Combine(_dir, "none.duckdb"), .. args]);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        var first = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0];
        Assert.Contains(named, first, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_segment_breakdown_without_saved_segments_fails_with_one_line()
    {
        var (code, stdout, stderr) = Run("funnel", "--db", Store(), "--steps", "view,cart", "--by", "segment", "--segment-method", "rfm");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("no segments are saved for method 'rfm'", line, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
