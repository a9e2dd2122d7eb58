using ShopLens.Insight.Journeys;

namespace ShopLens.Insight.Tests.Journeys;

/// <summary>Stage thresholds from a JSON file: overrides, clear errors naming the key, and documentation that keeps up.</summary>
[Trait("Issue", "3")]
public sealed class StageDefinitionsTests
{
    [Fact]
    public void A_file_overrides_the_keys_it_names_and_keeps_the_rest()
    {
        var d = StageDefinitionsFile.Parse("""
            // thresholds for a slow-moving shop
            { "churn_days": 180, "at_risk_days": 120, "loyal_min_orders": 6, }
            """);
        Assert.Equal(new StageDefinitions { ChurnDays = 180, AtRiskDays = 120, LoyalMinOrders = 6 }, d);
        Assert.Equal(30, d.ActiveWindowDays);
        Assert.Equal(new StageDefinitions(), StageDefinitionsFile.Parse("{}"));
    }

    [Theory]
    [InlineData("""{"churn_dayz": 10}""", "unknown key 'churn_dayz'")]
    [InlineData("""{"churn_days": "ninety"}""", "'churn_days' must be a whole number")]
    [InlineData("""{"loyal_min_orders": 2.5}""", "'loyal_min_orders' must be a whole number")]
    [InlineData("""{"browsing_min_events": 0}""", "'browsing_min_events' must be at least 1")]
    [InlineData("""{"loyal_min_orders": 1}""", "'loyal_min_orders' must be at least 2")]
    [InlineData("""{"churn_days": 60}""", "'churn_days' (60) must be more than 'at_risk_days' (60)")]
    [InlineData("""{"active_window_days": 90}""", "'at_risk_days' (60) must be at least 'active_window_days' (90)")]
    [InlineData("""[30, 60]""", "expected a JSON object")]
    [InlineData("""{"churn_days": 90""", "not valid JSON")]
    public void Bad_files_are_errors_that_name_the_key(string json, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => StageDefinitionsFile.Parse(json));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Load_names_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"shoplens-stages-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"at_risk_days": 0}""");
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => StageDefinitionsFile.Load(path));
            Assert.StartsWith(path + ": 'at_risk_days' must be at least 1", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
        Assert.Throws<FileNotFoundException>(() => StageDefinitionsFile.Load(path));
    }

    [Fact]
    public void Docs_list_every_key_with_its_default()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ShopLens.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var doc = File.ReadAllText(Path.Combine(dir.FullName, "docs", "journeys.md"));
        var defaults = new StageDefinitions();
        foreach (var key in StageDefinitions.Keys)
            Assert.Contains($"| `{key}` | {defaults[key]} |", doc, StringComparison.Ordinal);
        foreach (var stage in LifecycleStages.All)
            Assert.Contains($"`{LifecycleStages.Name(stage)}`", doc, StringComparison.Ordinal);
    }
}
