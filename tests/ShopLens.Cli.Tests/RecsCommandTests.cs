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

    [Fact]
    public void A_trained_recommender_lists_products_with_reasons_and_the_product_views_answer()
    {
        var (code, stdout, stderr) = Run("demo", "--out", Path.Combine(_dir, "demo"), "--customers", "300", "--days", "60", "--json");
        Assert.True(code == 0, stderr);
        var demo = JsonDocument.Parse(stdout).RootElement;
        var db = demo.GetProperty("db").GetString()!;
        Assert.Equal("ease", demo.GetProperty("recommender").GetProperty("model").GetString());
        // A store nobody trained a recommender on says what to run.
        var bare = Path.Combine(_dir, "bare.duckdb");
        (code, _, stderr) = Run("import", "--db", bare, Path.Combine(_dir, "demo", "data", "events.csv"));
        Assert.True(code == 0, stderr);
        (code, _, stderr) = Run("recommend", "--db", bare, "--customer", "C000002");
        Assert.Equal(1, code);
        Assert.Contains("train recs", stderr, StringComparison.Ordinal);
        // Events alone (products without titles or categories): the sequence Transformer reads each customer's order.
        (code, stdout, stderr) = Run("train", "recs", "--db", bare, "--model", "sasrec", "--json");
        Assert.True(code == 0, stderr);
        Assert.StartsWith("dim 32, 2 blocks", JsonDocument.Parse(stdout).RootElement.GetProperty("setting").GetString(), StringComparison.Ordinal);
        (code, stdout, stderr) = Run("recommend", "--db", bare, "--customer", "C000002", "--k", "5", "--json");
        Assert.True(code == 0, stderr);
        Assert.Equal("sasrec", JsonDocument.Parse(stdout).RootElement.GetProperty("model").GetString());
        Assert.Equal(5, JsonDocument.Parse(stdout).RootElement.GetProperty("recommendations").GetArrayLength());

        (code, stdout, stderr) = Run("train", "recs", "--db", db, "--model", "ease", "--json");
        Assert.True(code == 0, stderr);
        var trained = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("ease", trained.GetProperty("model").GetString());
        Assert.StartsWith("ease l2", trained.GetProperty("setting").GetString(), StringComparison.Ordinal);

        (code, stdout, stderr) = Run("recommend", "--db", db, "--customer", "C000002", "--k", "5", "--json");
        Assert.True(code == 0, stderr);
        var list = JsonDocument.Parse(stdout).RootElement.GetProperty("recommendations").EnumerateArray().ToArray();
        Assert.Equal(5, list.Length);
        Assert.All(list, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("reason").GetString())));
        Assert.Equal(5, list.Select(r => r.GetProperty("product_id").GetString()).Distinct().Count());
        Assert.True(list[0].GetProperty("score").GetDouble() >= list[^1].GetProperty("score").GetDouble());

        var product = list[0].GetProperty("product_id").GetString()!;
        (code, stdout, stderr) = Run("similar", "--db", db, "--product", product, "--k", "3", "--json");
        Assert.True(code == 0, stderr);
        var similar = JsonDocument.Parse(stdout).RootElement.GetProperty("similar").EnumerateArray().ToArray();
        Assert.Equal(3, similar.Length);
        Assert.DoesNotContain(similar, s => s.GetProperty("product_id").GetString() == product);

        (code, stdout, stderr) = Run("bought-together", "--db", db, "--product", product, "--min-baskets", "1", "--json");
        Assert.True(code == 0, stderr);
        Assert.All(JsonDocument.Parse(stdout).RootElement.GetProperty("together").EnumerateArray(), t => Assert.True(t.GetProperty("lift").GetDouble() >= 1));
        (code, _, stderr) = Run("similar", "--db", db, "--product", "no-such-product");
        Assert.Equal(1, code);
        Assert.Contains("no-such-product", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
