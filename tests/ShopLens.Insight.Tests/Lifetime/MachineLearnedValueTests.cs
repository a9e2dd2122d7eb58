using ShopLens.Insight.Lifetime;
using ShopLens.Insight.Predictions;
using ShopLens.Insight.Tests.Predictions;
using Xunit.Abstractions;

namespace ShopLens.Insight.Tests.Lifetime;

[Trait("Issue", "5")]
public sealed class MachineLearnedValueTests(PredictionShop shop, ITestOutputHelper output) : IClassFixture<PredictionShop>
{
    [Fact]
    public void Learned_value_beats_last_periods_spend_on_the_holdout()
    {
        var cut = TaskFrame.DataEnd(shop.Store).Date.AddDays(-59);
        const int horizon = 60;
        var models = new[]
        {
            MachineLearnedValue.Predict(shop.Store, cut, horizon, MachineLearnedValue.Gbdt),
            MachineLearnedValue.Predict(shop.Store, cut, horizon, MachineLearnedValue.Ziln),
            ValueEvaluation.LastPeriod(shop.Store, cut, horizon),
        };
        var results = ValueEvaluation.Evaluate(shop.Store, cut, horizon, models).ToDictionary(r => r.Model);
        foreach (var r in results.Values)
            output.WriteLine($"{r.Model,-12} MAE {r.Metrics.Mae:F2} RMSE {r.Metrics.Rmse:F2} Spearman {r.Metrics.Spearman:F3} Gini {r.Metrics.NormalizedGini:F3} " +
                             $"predicted {r.PredictedTotal:F0} actual {r.ActualTotal:F0} coverage {r.IntervalCoverage:F3}");
        var last = results["last_period"].Metrics;
        Assert.True(results["ml"].Metrics.NormalizedGini > last.NormalizedGini, "the GBDT should rank spend better than last period's");
        Assert.True(results["ml"].Metrics.Rmse < last.Rmse);
        Assert.True(results["ziln"].Metrics.NormalizedGini > last.NormalizedGini);
        Assert.InRange(results["ziln"].IntervalCoverage!.Value, 0.6, 0.98);
    }
}
