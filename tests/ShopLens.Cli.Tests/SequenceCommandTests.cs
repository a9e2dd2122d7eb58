using static ShopLens.Cli.Tests.CliRunner;
using System.Text.Json;

namespace ShopLens.Cli.Tests;

/// <summary><c>shoplens train sequence</c>, <c>evaluate sequence</c> and <c>predict next</c> on a small demo shop.</summary>
[Trait("Issue", "8")]
public sealed class SequenceCommandTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("shoplens-sequence-cli").FullName;

    static readonly string[] Small = ["--dim", "16", "--blocks", "1", "--max-len", "20", "--epochs", "1"];

    [Fact]
    public void The_sequence_model_is_trained_saved_asked_about_a_customer_and_backtested()
    {
        var (code, stdout, stderr) = Run("demo", "--out", Path.Combine(_dir, "demo"), "--customers", "200", "--days", "30", "--json");
        Assert.True(code == 0, stderr);
        var db = JsonDocument.Parse(stdout).RootElement.GetProperty("db").GetString()!;

        (code, _, stderr) = Run("predict", "next", "--db", db, "--customer", "C000002");
        Assert.Equal(1, code);
        Assert.Contains("train sequence", stderr, StringComparison.Ordinal);

        (code, stdout, stderr) = Run(["train", "sequence", "--db", db, .. Small, "--json"]);
        Assert.True(code == 0, stderr);
        var trained = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("sequence", trained.GetProperty("model").GetString());
        Assert.True(trained.GetProperty("events").GetInt32() > 1000);
        Assert.Equal(1, trained.GetProperty("loss").GetArrayLength());

        var customer = FirstCustomerWithEvents(db);
        (code, stdout, stderr) = Run("predict", "next", "--db", db, "--customer", customer, "--k", "3", "--json");
        Assert.True(code == 0, stderr);
        var next = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(3, next.GetProperty("products").GetArrayLength());
        Assert.Equal(1, next.GetProperty("next_action").EnumerateObject().Sum(a => a.Value.GetDouble()), 4);
        Assert.InRange(next.GetProperty("purchase_intent").GetDouble(), 0, 1);
        (code, stdout, stderr) = Run("predict", "next", "--db", db, "--customer", customer);
        Assert.True(code == 0, stderr);
        Assert.Contains("next action:", stdout, StringComparison.Ordinal);

        foreach (var (split, protocol) in new[] { ("time", "full"), ("leave-one-out", "sampled_100_uniform") })
        {
            (code, stdout, stderr) = Run(["evaluate", "sequence", "--db", db, .. Small, "--split", split, "--protocol", protocol, "--json"]);
            Assert.True(code == 0, stderr);
            var result = JsonDocument.Parse(stdout).RootElement;
            Assert.Equal(protocol, result.GetProperty("protocol").GetString());
            foreach (var key in new[] { "hr_at_10", "ndcg_at_10", "mrr", "cases", "training_events", "fit_s" })
                Assert.True(result.TryGetProperty(key, out _), $"evaluate sequence --json lacks {key}");
            Assert.InRange(result.GetProperty("popularity").GetProperty("ndcg_at_10").GetDouble(), 0, 1);
            Assert.Equal(split == "leave-one-out", result.GetProperty("validation").ValueKind == JsonValueKind.Object);
        }

        (code, _, stderr) = Run("train", "sequence", "--db", db, "--dim", "50", "--heads", "3");
        Assert.Equal(1, code);
        Assert.Contains("heads must divide dim", stderr, StringComparison.Ordinal);
    }

    static string FirstCustomerWithEvents(string db)
    {
        using var store = ShopLens.Core.Store.ShopStore.Open(db);
        return store.Scalar<string>("SELECT c.customer_id FROM events e JOIN customers c USING (customer_key) WHERE e.product_key IS NOT NULL ORDER BY 1 LIMIT 1");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
