using static ShopLens.Cli.Tests.CliRunner;
using System.Text.Json;
using ShopLens.Cli;

namespace ShopLens.Cli.Tests;

/// <summary><c>shoplens segment</c>: its JSON keys, its CSV, and one-line errors for bad rules (exit 1) and bad usage (exit 2).</summary>
[Trait("Issue", "3")]
public sealed class SegmentCommandTests : IClassFixture<SegmentCommandTests.SmallShop>
{
    readonly string _db;
    readonly string _dir;

    public SegmentCommandTests(SmallShop shop)
    {
        _db = shop.Db;
        _dir = shop.Dir;
    }

    /// <summary>A generated shop of 300 customers over 60 days, imported once for the class.</summary>
    public sealed class SmallShop : IDisposable
    {
        public SmallShop()
        {
            var data = Path.Combine(Dir, "shop");
            Assert.Equal(0, Run("generate", "--customers", "300", "--days", "60", "--seed", "4", "--out", data).Code);
            var files = new[] { "customers", "products", "events", "orders", "order_lines", "reviews" }.Select(t => Path.Combine(data, t + ".csv"));
            Assert.Equal(0, Run(["import", "--db", Db, .. files]).Code);
        }

        public string Dir { get; } = Directory.CreateTempSubdirectory("shoplens-segment-cli").FullName;

        public string Db => Path.Combine(Dir, "s.duckdb");

        public void Dispose() => Directory.Delete(Dir, recursive: true);
    }

    static JsonElement SingleJson(string stdout) => JsonDocument.Parse(Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))).RootElement;

    static readonly string[] SegmentKeys = ["name", "rule", "customers", "share", "revenue", "revenue_share", "buyers", "mean_r", "mean_f", "mean_m",
        "mean_recency_days", "mean_frequency", "mean_monetary"];

    [Fact]
    public void Rfm_speaks_json_and_writes_the_csv()
    {
        var csv = Path.Combine(_dir, "rfm.csv");
        var (code, stdout, stderr) = Run("segment", "--db", _db, "--method", "rfm", "--out", csv, "--json");
        Assert.True(code == 0, stderr);
        var json = SingleJson(stdout);
        foreach (var key in new[] { "method", "as_of", "customers", "out_file", "segments" })
            Assert.True(json.TryGetProperty(key, out _), $"segment --json lacks {key}");
        Assert.Equal("rfm", json.GetProperty("method").GetString());
        var customers = json.GetProperty("customers").GetInt64();
        Assert.True(customers > 50, $"only {customers} buyers");
        var segments = json.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(11, segments.Count);
        foreach (var s in segments)
            foreach (var key in SegmentKeys)
                Assert.True(s.TryGetProperty(key, out _), $"a segment lacks {key}");
        Assert.Equal(customers, segments.Sum(s => s.GetProperty("customers").GetInt64()));
        Assert.Equal(1.0, segments.Sum(s => s.GetProperty("revenue_share").GetDouble()), 0.01);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("customer_id,segment,recency_days,frequency,monetary,r,f,m,fm", lines[0]);
        Assert.Equal(customers + 1, lines.Length);
    }

    [Fact]
    public void People_get_a_table_of_segments()
    {
        var (code, stdout, _) = Run("segment", "--db", _db, "--as-of", "2025-12-20");
        Assert.Equal(0, code);
        Assert.Contains("rfm segments as of 2025-12-20 00:00:00Z, saved in the store", stdout, StringComparison.Ordinal);
        foreach (var column in new[] { "segment", "customers", "share", "revenue share", "mean R/F/M", "rule", "Champions", "R 5 and FM 4-5" })
            Assert.Contains(column, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_tag_every_profiled_customer()
    {
        var rules = Path.Combine(_dir, "tags.yaml");
        File.WriteAllText(rules, "default: others\nrules:\n  - name: repeat buyers\n    when: orders >= 2\n  - name: browsers\n    when: orders = 0 and events > 0\n");
        var csv = Path.Combine(_dir, "tags.csv");
        var (code, stdout, stderr) = Run("segment", "--db", _db, "--method", "rules", "--rules", rules, "--out", csv, "--json");
        Assert.True(code == 0, stderr);
        var json = SingleJson(stdout);
        Assert.Equal("rules", json.GetProperty("method").GetString());
        Assert.Equal(["repeat buyers", "browsers", "others"], json.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal("orders >= 2", json.GetProperty("segments")[0].GetProperty("rule").GetString());
        var lines = File.ReadAllLines(csv);
        Assert.Equal("customer_id,segment", lines[0]);
        Assert.Equal(json.GetProperty("customers").GetInt64() + 1, lines.Length);
    }

    [Fact]
    public void Kmeans_chooses_k_by_silhouette_saves_clusters_and_explains_them()
    {
        var csv = Path.Combine(_dir, "kmeans.csv");
        var (code, stdout, stderr) = Run("segment", "--db", _db, "--method", "kmeans", "--k", "2-5", "--out", csv, "--json");
        Assert.True(code == 0, stderr);
        var json = SingleJson(stdout);
        Assert.Equal("kmeans", json.GetProperty("method").GetString());
        var kmeans = json.GetProperty("kmeans");
        Assert.Equal([2, 3, 4, 5], kmeans.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("k").GetInt32()));
        var k = kmeans.GetProperty("k").GetInt32();
        // The chosen k has the best silhouette of those tried.
        var best = kmeans.GetProperty("choices").EnumerateArray().MaxBy(c => c.GetProperty("silhouette").GetDouble());
        Assert.Equal(best.GetProperty("k").GetInt32(), k);
        var segments = json.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(k, segments.Count);
        Assert.All(segments, s => Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("rule").GetString())));
        Assert.Equal(json.GetProperty("customers").GetInt64(), segments.Sum(s => s.GetProperty("customers").GetInt64()));
        Assert.Equal(json.GetProperty("customers").GetInt64() + 1, File.ReadAllLines(csv).Length);

        var (fixedCode, fixedOut, _) = Run("segment", "--db", _db, "--method", "kmeans", "--k", "3", "--json");
        Assert.Equal(0, fixedCode);
        Assert.Equal(3, SingleJson(fixedOut).GetProperty("kmeans").GetProperty("k").GetInt32());

        var (badCode, _, badErr) = Run("segment", "--db", _db, "--method", "kmeans", "--k", "5-2");
        Assert.Equal(1, badCode);
        Assert.Contains("--k '5-2'", Assert.Single(badErr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        var (featureCode, _, featureErr) = Run("segment", "--db", _db, "--method", "kmeans", "--features", "orders,monetry");
        Assert.Equal(1, featureCode);
        Assert.Contains("monetry", featureErr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_off_before_any_data_is_an_empty_result()
    {
        var (code, stdout, stderr) = Run("segment", "--db", _db, "--as-of", "2001-01-01", "--json");
        Assert.True(code == 0, stderr);
        var json = SingleJson(stdout);
        Assert.Equal(0, json.GetProperty("customers").GetInt64());
        Assert.Equal("2001-01-01T00:00:00Z", json.GetProperty("as_of").GetString());
    }

    [Fact]
    public void A_bad_rules_file_exits_1_with_one_line_naming_file_rule_and_column()
    {
        var rules = Path.Combine(_dir, "bad.json");
        File.WriteAllText(rules, """[{"name": "high value, lapsing", "when": "recency_days > 60 and monetery > 500"}]""");
        var (code, stdout, stderr) = Run("segment", "--db", _db, "--method", "rules", "--rules", rules, "--json");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Equal($"shoplens: {rules}: rule 1 \"high value, lapsing\": unknown column 'monetery' at character 23 of \"recency_days > 60 and monetery > 500\"; did you mean 'monetary'?",
            Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        var missing = Run("segment", "--db", _db, "--method", "rules", "--rules", Path.Combine(_dir, "none.yaml"));
        Assert.Equal(1, missing.Code);
        Assert.Contains("none.yaml: no such rules file", missing.Err, StringComparison.Ordinal);
        Assert.Equal(1, Run("segment", "--db", Path.Combine(_dir, "none.duckdb")).Code);
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        var rules = Path.Combine(_dir, "ok.json");
        File.WriteAllText(rules, """[{"name": "repeat", "when": "orders >= 2"}]""");
        Assert.Equal(2, Run("segment", "--db", _db, "--method", "rules").Code);
        Assert.Equal(2, Run("segment", "--db", _db, "--method", "rfm", "--rules", rules).Code);
        Assert.Equal(2, Run("segment", "--db", _db, "--method", "astrology").Code);
        Assert.Contains("--method rules needs --rules FILE", Run("segment", "--db", _db, "--method", "rules").Err, StringComparison.Ordinal);
    }
}
