using static ShopLens.Cli.Tests.CliRunner;
using System.Text.Json;
using ShopLens.Cli;

namespace ShopLens.Cli.Tests;

/// <summary><c>shoplens evaluate recs</c> on MovieLens-100K imported with the movielens preset.</summary>
[Trait("Issue", "6")]
public sealed class RecsCommandTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("shoplens-recs-cli").FullName;

    [Fact]
    public void Movielens_is_judged_by_full_ranking_with_the_benchmark_split()
    {
        var db = Path.Combine(_dir, "ml.duckdb");
        Assert.Equal(0, Run("import", "--db", db, "--format", "movielens", SharedData("movielens_100k/u.data")).Code);
        var (code, stdout, stderr) = Run("evaluate", "recs", "--db", db, "--models", "popularity,ease", "--split", "per-user-random",
            "--test-fraction", "0.25", "--k", "10", "--seed", "42", "--json");
        Assert.True(code == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("full", json.GetProperty("protocol").GetString());
        Assert.Equal(943, json.GetProperty("test_users").GetInt32());
        Assert.Equal(100_000, json.GetProperty("train_interactions").GetInt32() + json.GetProperty("test_interactions").GetInt32());
        var ease = json.GetProperty("models").GetProperty("ease");
        // docs/recommendations.md: EASE with its λ chosen on the training data, 0.4743.
        Assert.Equal(0.4743, ease.GetProperty("ndcg_at_10").GetDouble(), 0.0001);
        foreach (var key in new[] { "precision_at_10", "recall_at_10", "map_at_10", "hr_at_10", "mrr", "coverage", "novelty", "setting", "validation", "fit_s" })
            Assert.True(ease.TryGetProperty(key, out _), $"evaluate recs --json lacks {key}");
        Assert.True(json.GetProperty("models").GetProperty("popularity").GetProperty("ndcg_at_10").GetDouble() < 0.3);

        (code, _, stderr) = Run("evaluate", "recs", "--db", db, "--split", "random");
        Assert.Equal(1, code);
        Assert.Contains("--split 'random'", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
