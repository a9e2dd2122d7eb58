using static ShopLens.Cli.Tests.CliRunner;
using System.Text.Json;
using ShopLens.Cli;

namespace ShopLens.Cli.Tests;

/// <summary><c>shoplens train</c>, <c>evaluate</c> and <c>predict</c>: the card's JSON keys, scores with reasons, and one-line errors.</summary>
[Trait("Issue", "4")]
public sealed class PredictionCommandTests : IClassFixture<PredictionCommandTests.TrainedShop>
{
    readonly TrainedShop _shop;

    public PredictionCommandTests(TrainedShop shop) => _shop = shop;

    /// <summary>A generated shop of 1500 customers over 120 days with its 14-day propensity model trained once.</summary>
    public sealed class TrainedShop : IDisposable
    {
        public TrainedShop()
        {
            var data = Path.Combine(Dir, "shop");
            Assert.Equal(0, Run("generate", "--customers", "1500", "--days", "120", "--seed", "2", "--out", data).Code);
            var files = new[] { "customers", "products", "events", "orders", "order_lines", "reviews" }.Select(t => Path.Combine(data, t + ".csv"));
            Assert.Equal(0, Run(["import", "--db", Db, .. files]).Code);
            (var code, Train, var err) = Run("train", "propensity", "--db", Db, "--horizon", "14d", "--json");
            Assert.True(code == 0, err);
        }

        public string Dir { get; } = Directory.CreateTempSubdirectory("shoplens-predict-cli").FullName;

        public string Db => Path.Combine(Dir, "p.duckdb");

        /// <summary>stdout of <c>train propensity --json</c>.</summary>
        public string Train { get; }

        public void Dispose() => Directory.Delete(Dir, recursive: true);
    }

    static JsonElement SingleJson(string stdout) => JsonDocument.Parse(Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))).RootElement;

    [Fact]
    public void Train_prints_the_model_card_with_the_shared_metric_keys()
    {
        var card = SingleJson(_shop.Train);
        Assert.Equal("propensity_14d", card.GetProperty("task").GetString());
        foreach (var key in new[] { "train_cut_off", "test_cut_off", "score_cut_off", "learner", "calibration", "recency_baseline_auc",
                     "calibration_curve", "deciles", "top_features", "confidence", "training_seconds" })
            Assert.True(card.TryGetProperty(key, out _), $"the card lacks {key}");
        var test = card.GetProperty("test");
        foreach (var key in new[] { "auc", "pr_auc", "log_loss", "brier", "ece" })
            Assert.InRange(test.GetProperty(key).GetDouble(), 0, 1);
    }

    [Fact]
    public void Train_fits_one_model_per_horizon_and_keys_their_cards_by_task()
    {
        var db = Path.Combine(_shop.Dir, "horizons.duckdb");
        File.Copy(_shop.Db, db);
        var (code, stdout, stderr) = Run("train", "churn", "--db", db, "--horizon", "7d,14d", "--look-back", "28d", "--learners", "logistic_regression", "--json");
        Assert.True(code == 0, stderr);
        var cards = SingleJson(stdout);
        Assert.Equal(7, cards.GetProperty("churn_7d").GetProperty("horizon_days").GetInt32());
        Assert.Equal(14, cards.GetProperty("churn_14d").GetProperty("horizon_days").GetInt32());
        (code, _, stderr) = Run("predict", "churn", "--db", db, "--horizon", "7d,14d");
        Assert.Equal(1, code);
        Assert.Contains("--horizon '7d,14d' is not a number of days", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_lists_the_saved_cards()
    {
        var (code, stdout, stderr) = Run("evaluate", "--db", _shop.Db, "--json");
        Assert.True(code == 0, stderr);
        var models = SingleJson(stdout).GetProperty("models");
        Assert.Equal("propensity_14d", Assert.Single(models.EnumerateArray()).GetProperty("task").GetString());
    }

    [Fact]
    public void Predict_lists_the_likeliest_customers_with_reasons()
    {
        var (code, stdout, stderr) = Run("predict", "propensity", "--db", _shop.Db, "--horizon", "14d", "--top", "5", "--json");
        Assert.True(code == 0, stderr);
        var customers = SingleJson(stdout).GetProperty("customers").EnumerateArray().ToArray();
        Assert.Equal(5, customers.Length);
        var first = customers[0];
        Assert.Equal(1, first.GetProperty("decile").GetInt32());
        Assert.NotEmpty(first.GetProperty("up").EnumerateArray());
        var id = first.GetProperty("customer_id").GetString()!;
        (code, stdout, stderr) = Run("predict", "propensity", "--db", _shop.Db, "--horizon", "14d", "--customer", id, "--json");
        Assert.True(code == 0, stderr);
        var one = Assert.Single(SingleJson(stdout).GetProperty("customers").EnumerateArray());
        Assert.Equal(first.GetProperty("probability").GetDouble(), one.GetProperty("probability").GetDouble());

        // Human output: a table with the customer and their reasons.
        (code, stdout, _) = Run("predict", "propensity", "--db", _shop.Db, "--horizon", "14d", "--top", "3");
        Assert.Equal(0, code);
        Assert.Contains(id, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_are_one_line_and_usage_errors_exit_2()
    {
        var (code, _, stderr) = Run("predict", "churn", "--db", _shop.Db);
        Assert.Equal(1, code);
        Assert.Contains("no trained model for 'churn_14d'", stderr, StringComparison.Ordinal);
        (code, _, stderr) = Run("train", "propensity", "--db", _shop.Db, "--horizon", "100d");
        Assert.Equal(1, code);
        Assert.Contains("history", stderr, StringComparison.Ordinal);
        (code, _, stderr) = Run("train", "loyalty", "--db", _shop.Db);
        Assert.Equal(2, code);
        Assert.Contains("propensity or churn", stderr, StringComparison.Ordinal);
        (code, _, stderr) = Run("train", "propensity", "--db", _shop.Db, "--horizon", "two weeks");
        Assert.Equal(1, code);
        Assert.Contains("--horizon", stderr, StringComparison.Ordinal);
    }
}
