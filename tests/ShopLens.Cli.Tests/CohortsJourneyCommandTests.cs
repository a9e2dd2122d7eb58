using static ShopLens.Cli.Tests.CliRunner;
using System.Text.Json;
using ShopLens.Cli;

namespace ShopLens.Cli.Tests;

/// <summary><c>shoplens cohorts</c> and <c>shoplens journey</c>: JSON keys, files, human tables, and one-line errors.</summary>
[Trait("Issue", "3")]
public sealed class CohortsJourneyCommandTests(CohortsJourneyCommandTests.SmallShop shop) : IClassFixture<CohortsJourneyCommandTests.SmallShop>
{
    readonly string _dir = shop.Folder;
    readonly string _db = shop.Db;

    /// <summary>A small generated shop imported once through the CLI.</summary>
    public sealed class SmallShop : IDisposable
    {
        public string Folder { get; } = Directory.CreateTempSubdirectory("shoplens-cli-cohorts").FullName;

        public string Db => Path.Combine(Folder, "s.duckdb");

        public SmallShop()
        {
            var data = Path.Combine(Folder, "shop");
            Assert.Equal(0, Run("generate", "--customers", "300", "--days", "60", "--seed", "5", "--out", data).Code);
            var files = new[] { "customers", "products", "events", "orders", "order_lines", "reviews" }.Select(t => Path.Combine(data, t + ".csv"));
            Assert.Equal(0, Run(["import", "--db", Db, .. files]).Code);
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }

    static JsonElement SingleJson(string stdout) =>
        JsonDocument.Parse(Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))).RootElement;

    static void AssertKeys(JsonElement e, params string[] keys)
    {
        foreach (var key in keys) Assert.True(e.TryGetProperty(key, out _), $"JSON lacks {key}: {e}");
    }

    [Fact]
    public void Cohorts_speak_json_and_write_csv()
    {
        var csv = Path.Combine(_dir, "cohorts.csv");
        var (code, stdout, _) = Run("cohorts", "--db", _db, "--json", "--out", csv);
        Assert.Equal(0, code);
        var json = SingleJson(stdout);
        AssertKeys(json, "period", "by", "metric", "as_of", "last_period_start", "last_period_complete", "cohorts", "out_file");
        Assert.Equal("month", json.GetProperty("period").GetString());
        Assert.Equal("first_purchase", json.GetProperty("by").GetString());
        var cohorts = json.GetProperty("cohorts").EnumerateArray().ToList();
        Assert.NotEmpty(cohorts);
        foreach (var c in cohorts)
        {
            AssertKeys(c, "start", "size", "values", "rates", "complete_periods");
            Assert.Equal(c.GetProperty("size").GetInt64(), c.GetProperty("values")[0].GetInt64());
            Assert.Equal(1.0, c.GetProperty("rates")[0].GetDouble());
            Assert.Equal(c.GetProperty("values").GetArrayLength(), c.GetProperty("rates").GetArrayLength());
        }
        var lines = File.ReadAllLines(csv);
        Assert.Equal("cohort_start,size,offset,customers,revenue,customer_rate,revenue_retention,complete", lines[0]);
        Assert.Equal(cohorts.Sum(c => c.GetProperty("values").GetArrayLength()), lines.Length - 1);

        var weekly = SingleJson(Run("cohorts", "--db", _db, "--json", "--period", "week", "--metric", "revenue", "--by", "first-seen", "--as-of", "2025-12-15").Out);
        Assert.Equal("revenue", weekly.GetProperty("metric").GetString());
        Assert.Equal("2025-12-15T00:00:00Z", weekly.GetProperty("as_of").GetString());
        Assert.Equal(DayOfWeek.Monday, weekly.GetProperty("cohorts")[0].GetProperty("start").GetDateTime().DayOfWeek);

        var human = Run("cohorts", "--db", _db);
        Assert.Equal(0, human.Code);
        Assert.Contains("month of first purchase", human.Out, StringComparison.Ordinal);
        Assert.Contains("100.0%", human.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Journey_speaks_json_and_writes_each_customers_stage()
    {
        var csv = Path.Combine(_dir, "stages.csv");
        var (code, stdout, _) = Run("journey", "--db", _db, "--json", "--from", "2025-12-01", "--to", "2025-12-20", "--paths", "3", "--out", csv);
        Assert.Equal(0, code);
        var json = SingleJson(stdout);
        AssertKeys(json, "as_of", "definitions", "customers", "stages", "transitions", "paths", "out_file");
        Assert.Equal("2025-12-20T00:00:00Z", json.GetProperty("as_of").GetString());
        var stages = json.GetProperty("stages");
        var names = new[] { "visitor", "browsing", "cart_abandoner", "first_time_buyer", "repeat_buyer", "loyal", "at_risk", "churned" };
        Assert.Equal(names, stages.EnumerateObject().Select(p => p.Name));
        Assert.Equal(json.GetProperty("customers").GetInt64(), stages.EnumerateObject().Sum(p => p.Value.GetInt64()));
        AssertKeys(json.GetProperty("definitions"), "active_window_days", "at_risk_days", "churn_days", "loyal_min_orders", "browsing_min_events");
        var matrix = json.GetProperty("transitions").GetProperty("matrix");
        Assert.Equal([.. names, "new"], matrix.EnumerateObject().Select(p => p.Name));
        Assert.Equal(json.GetProperty("customers").GetInt64(), matrix.EnumerateObject().Sum(row => row.Value.EnumerateObject().Sum(c => c.Value.GetInt64())));
        var paths = json.GetProperty("paths");
        AssertKeys(paths, "steps", "sessions", "top", "purchase_sessions", "to_purchase");
        Assert.Equal(3, paths.GetProperty("top").GetArrayLength());
        AssertKeys(paths.GetProperty("top")[0], "path", "truncated", "sessions", "share");
        var lines = File.ReadAllLines(csv);
        Assert.Equal("customer_id,stage", lines[0]);
        Assert.Equal(json.GetProperty("customers").GetInt64(), lines.Length - 1);

        var human = Run("journey", "--db", _db);
        Assert.Equal(0, human.Code);
        Assert.Contains("cart_abandoner", human.Out, StringComparison.Ordinal);
        Assert.Contains("paths to a purchase", human.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_is_a_one_line_error()
    {
        var period = Run("cohorts", "--db", _db, "--period", "day");
        Assert.Equal(2, period.Code);
        Assert.Equal("", period.Out);
        Assert.StartsWith("shoplens: --period must be month or week, not 'day'", period.Err, StringComparison.Ordinal);

        var stagesFile = Path.Combine(_dir, "bad-stages.json");
        File.WriteAllText(stagesFile, """{"churn_days": 90, "loyal_orders": 5}""");
        var stages = Run("journey", "--db", _db, "--stages", stagesFile);
        Assert.Equal(1, stages.Code);
        var line = Assert.Single(stages.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("unknown key 'loyal_orders'", line, StringComparison.Ordinal);
        Assert.Contains("bad-stages.json", line, StringComparison.Ordinal);

        File.WriteAllText(stagesFile, """{"churn_days": 30}""");
        Assert.Contains("'churn_days' (30)", Run("journey", "--db", _db, "--stages", stagesFile).Err, StringComparison.Ordinal);

        var half = Run("journey", "--db", _db, "--from", "2025-12-01");
        Assert.Equal(1, half.Code);
        Assert.Contains("--from and --to go together", half.Err, StringComparison.Ordinal);
        Assert.Equal(1, Run("journey", "--db", _db, "--from", "2025-12-20", "--to", "2025-12-01").Code);
        Assert.Equal(1, Run("journey", "--db", _db, "--paths", "0").Code);
        Assert.Equal(1, Run("cohorts", "--db", _db, "--out", Path.Combine(_dir, "c.xlsx")).Code);
        Assert.Equal(1, Run("cohorts", "--db", Path.Combine(_dir, "none.duckdb")).Code);
    }
}
