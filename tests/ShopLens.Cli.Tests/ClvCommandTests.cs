using static ShopLens.Cli.Tests.CliRunner;
using System.Text.Json;
using ShopLens.Cli;

namespace ShopLens.Cli.Tests;

/// <summary><c>shoplens evaluate clv</c> end to end on CDNOW: import with the cdnow preset, fit, judge on the 39-week holdout.</summary>
[Trait("Issue", "5")]
public sealed class ClvCommandTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("shoplens-clv-cli").FullName;

    static string Sample() => SharedData("cdnow/CDNOW_sample.txt");

    [Fact]
    public void Cdnow_imports_fits_the_published_parameters_and_judges_the_holdout()
    {
        var db = Path.Combine(_dir, "cdnow.duckdb");
        Assert.Equal(0, Run("import", "--db", db, "--format", "cdnow", Sample()).Code);
        var (code, stdout, stderr) = Run("evaluate", "clv", "--db", db, "--calibration-end", "1997-09-30", "--horizon", "39w",
            "--model", "bgnbd,pareto", "--json");
        Assert.True(code == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(2_357, json.GetProperty("customers").GetInt32());
        var bgnbd = json.GetProperty("models").GetProperty("bgnbd");
        // Fader, Hardie & Lee (2005): r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4.
        var p = bgnbd.GetProperty("parameters");
        Assert.Equal(0.243, p.GetProperty("r").GetDouble(), 3);
        Assert.Equal(4.414, p.GetProperty("alpha").GetDouble(), 3);
        Assert.Equal(0.793, p.GetProperty("a").GetDouble(), 3);
        Assert.Equal(2.426, p.GetProperty("b").GetDouble(), 3);
        Assert.Equal(-9582.4, bgnbd.GetProperty("log_likelihood").GetDouble(), 1);
        var pareto = json.GetProperty("models").GetProperty("pareto").GetProperty("parameters");
        Assert.Equal(0.553, pareto.GetProperty("r").GetDouble(), 3);
        Assert.Equal(10.578, pareto.GetProperty("alpha").GetDouble(), 3);
        foreach (var key in new[] { "mae", "rmse", "spearman", "gini", "deciles", "by_frequency", "next_order" })
            Assert.True(bgnbd.TryGetProperty(key, out _), $"evaluate clv --json lacks {key}");
        // docs/clv.md's CDNOW table.
        Assert.Equal(30.41, bgnbd.GetProperty("mae").GetDouble(), 0.005);
        Assert.Equal(0.445, json.GetProperty("models").GetProperty("pareto").GetProperty("spearman").GetDouble(), 0.0005);
        Assert.Equal(61.65, json.GetProperty("models").GetProperty("last_period").GetProperty("mae").GetDouble(), 0.005);
    }

    [Fact]
    public void Train_saves_every_model_and_predict_lists_what_it_forecast()
    {
        var db = Path.Combine(_dir, "cdnow-predict.duckdb");
        Assert.Equal(0, Run("import", "--db", db, "--format", "cdnow", Sample()).Code);
        var (code, _, stderr) = Run("predict", "clv", "--db", db);
        Assert.Equal(1, code);
        Assert.Contains("train clv", stderr, StringComparison.Ordinal);

        (code, var stdout, stderr) = Run("train", "clv", "--db", db, "--calibration-end", "1997-09-30", "--model", "all", "--horizon", "26w", "--json");
        Assert.True(code == 0, stderr);
        var fits = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(0.243, fits.GetProperty("bgnbd").GetProperty("r").GetDouble(), 3);
        Assert.Equal(-9582.4, fits.GetProperty("bgnbd").GetProperty("log_likelihood").GetDouble(), 1);
        Assert.True(fits.GetProperty("bgnbd").GetProperty("standard_errors").GetProperty("a").GetDouble() > 0);
        Assert.Equal(0.553, fits.GetProperty("pareto").GetProperty("r").GetDouble(), 3);
        Assert.Equal(6.25, fits.GetProperty("gamma_gamma").GetProperty("p").GetDouble(), 2);
        Assert.True(fits.GetProperty("gamma_gamma").TryGetProperty("log_likelihood", out _));
        foreach (var name in new[] { "mbgnbd", "ml", "ziln" }) Assert.True(fits.TryGetProperty(name, out _), $"train clv --model all lacks {name}");

        (code, stdout, stderr) = Run("predict", "clv", "--db", db, "--customer", "1", "--json");
        Assert.True(code == 0, stderr);
        var listed = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("bgnbd", listed.GetProperty("model").GetString());
        Assert.Equal(182, listed.GetProperty("horizon_days").GetInt32());
        var one = Assert.Single(listed.GetProperty("customers").EnumerateArray());
        // Fader & Hardie's spreadsheet: E[M | x = 2, zbar = 22.35] = 24.65 for the first customer.
        Assert.Equal(24.65, one.GetProperty("spend_per_order").GetDouble(), 0.1);
        Assert.InRange(one.GetProperty("p_alive").GetDouble(), 0, 1);
        Assert.True(one.GetProperty("clv").GetDouble() > 0);
        Assert.Equal("expected", one.GetProperty("next_order_status").GetString());

        // ZILN gives the chance of buying again and an interval, but no P(alive) or next order.
        (code, stdout, stderr) = Run("predict", "clv", "--db", db, "--model", "ziln", "--top", "3", "--json");
        Assert.True(code == 0, stderr);
        var ziln = JsonDocument.Parse(stdout).RootElement.GetProperty("customers").EnumerateArray().ToArray();
        Assert.Equal(3, ziln.Length);
        Assert.True(ziln[0].GetProperty("clv").GetDouble() >= ziln[2].GetProperty("clv").GetDouble());
        Assert.All(ziln, c =>
        {
            Assert.Equal(JsonValueKind.Null, c.GetProperty("p_alive").ValueKind);
            Assert.InRange(c.GetProperty("p_order").GetDouble(), 0, 1);
            Assert.InRange(c.GetProperty("expected_spend").GetDouble(), c.GetProperty("spend_low").GetDouble(), double.MaxValue);
        });

        (code, _, stderr) = Run("predict", "clv", "--db", db, "--customer", "nobody");
        Assert.Equal(1, code);
        Assert.Contains("nobody", stderr, StringComparison.Ordinal);
        (code, _, stderr) = Run("train", "clv", "--db", db, "--model", "bgnbd,prophet");
        Assert.Equal(1, code);
        Assert.Contains("prophet", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
