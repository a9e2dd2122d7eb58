using static ShopLens.Cli.Tests.CliRunner;
using System.Text.Json;

namespace ShopLens.Cli.Tests;

/// <summary><c>shoplens reviews train|analyze|score</c> on a small demo shop and on labelled files.</summary>
[Trait("Issue", "9")]
public sealed class ReviewsCommandTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("shoplens-reviews-cli").FullName;

    [Fact]
    public void The_demo_trains_sentiment_and_reviews_analyze_train_and_score_work_on_its_store()
    {
        var (code, stdout, stderr) = Run("demo", "--out", Path.Combine(_dir, "demo"), "--customers", "600", "--days", "90", "--json");
        Assert.True(code == 0, stderr);
        var demo = JsonDocument.Parse(stdout).RootElement;
        var db = demo.GetProperty("db").GetString()!;
        Assert.True(demo.GetProperty("review_sentiment").GetProperty("test").GetProperty("accuracy").GetDouble() > 0.8);
        Assert.True(demo.GetProperty("reviews").GetProperty("themes").GetProperty("complained").GetArrayLength() > 0);

        (code, stdout, stderr) = Run("reviews", "train", "--db", db, "--c", "3", "--json");
        Assert.True(code == 0, stderr);
        var trained = JsonDocument.Parse(stdout).RootElement;
        var card = trained.GetProperty("card");
        Assert.Equal(3, card.GetProperty("c").GetDouble());
        Assert.Equal("ratings", card.GetProperty("labels").GetString());
        foreach (var key in new[] { "accuracy", "f1", "macro_f1", "auc", "brier", "ece", "calibration_curve" })
            Assert.True(card.GetProperty("test").TryGetProperty(key, out _), $"card.test lacks {key}");
        Assert.True(trained.GetProperty("saved").GetBoolean());

        var product = demo.GetProperty("reviews").GetProperty("themes").GetProperty("complained")[0].GetProperty("examples")[0].GetProperty("product_id").GetString()!;
        (code, stdout, stderr) = Run("reviews", "analyze", "--db", db, "--product", product, "--json");
        Assert.True(code == 0, stderr);
        var analysis = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(product, analysis.GetProperty("themes").GetProperty("scope").GetString());
        Assert.True(analysis.GetProperty("themes").GetProperty("reviews").GetInt32() > 0);
        Assert.Equal("unhappy_high_value", analysis.GetProperty("unhappy_high_value").GetProperty("segment").GetString());
        (code, stdout, stderr) = Run("reviews", "analyze", "--db", db, "--category", "Electronics", "--json");
        Assert.True(code == 0, stderr);
        var electronics = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("Electronics", electronics.GetProperty("themes").GetProperty("scope").GetString());
        Assert.All(electronics.GetProperty("themes").GetProperty("complained").EnumerateArray().SelectMany(t => t.GetProperty("examples").EnumerateArray()),
            e => Assert.StartsWith("P", e.GetProperty("product_id").GetString(), StringComparison.Ordinal));
        (code, stdout, stderr) = Run("reviews", "analyze", "--db", db);
        Assert.True(code == 0, stderr);
        Assert.Contains("complained about", stdout, StringComparison.Ordinal);
        Assert.Contains("unhappy high-value customers", stdout, StringComparison.Ordinal);

        (code, stdout, stderr) = Run("reviews", "score", "--db", db, "--text", "质量很差，退货了", "--json");
        Assert.True(code == 0, stderr);
        var scored = JsonDocument.Parse(stdout).RootElement;
        Assert.True(scored.GetProperty("probability").GetDouble() < 0.5);
        Assert.True(scored.GetProperty("reasons").GetArrayLength() > 0);

        (code, _, stderr) = Run("reviews", "analyze", "--db", db, "--product", "NO-SUCH");
        Assert.Equal(1, code);
        Assert.Contains("NO-SUCH", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void From_labelled_files_it_reports_the_test_files_metrics_and_every_rejected_line()
    {
        var positive = new[] { "很好用", "非常满意", "great value", "love it", "物流很快", "质量很好" };
        var negative = new[] { "很差", "太失望了", "terrible", "broke fast", "物流很慢", "质量很差" };
        var rows = Enumerable.Range(0, 10).SelectMany(i => positive.Select(t => $"1,{t} {i}").Concat(negative.Select(t => $"0,{t} {i}")));
        var train = Path.Combine(_dir, "train.csv");
        File.WriteAllText(train, "label,review\n" + string.Join("\n", rows) + "\nmaybe,odd\n");
        var test = Path.Combine(_dir, "test.csv");
        File.WriteAllText(test, "label,review\n1,很好\n0,很差\n1,love it\n0,terrible\n");
        var (code, stdout, stderr) = Run("reviews", "train", "--db", Path.Combine(_dir, "none.duckdb"), "--data", train, "--test", test, "--json");
        Assert.True(code == 0, stderr);
        var result = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(4, result.GetProperty("card").GetProperty("test").GetProperty("rows").GetInt32());
        Assert.Equal(1.0, result.GetProperty("card").GetProperty("test").GetProperty("accuracy").GetDouble());
        var rejected = Assert.Single(result.GetProperty("rejected_lines").EnumerateArray());
        Assert.Equal(122, rejected.GetProperty("line").GetInt64());
        Assert.False(result.GetProperty("saved").GetBoolean());

        (code, _, stderr) = Run("reviews", "train", "--data", train, "--text-col", "body");
        Assert.Equal(1, code);
        Assert.Contains("no column 'body'", stderr, StringComparison.Ordinal);
        Assert.Contains(train, stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, true);
}
