using ShopLens.Core.Synthetic;
using ShopLens.Insight.Predictions;
using Xunit.Abstractions;

namespace ShopLens.Insight.Tests.Predictions;

[Trait("Issue", "4")]
public sealed class PredictionTrainingTests(PredictionShop shop, ITestOutputHelper output) : IClassFixture<PredictionShop>
{
    [Fact]
    public void Propensity_beats_recency_and_is_calibrated_on_the_later_period()
    {
        var card = shop.Propensity.Card;
        output.WriteLine(CardJson.Write(card));
        Assert.True(card.Test.Auc > card.RecencyBaselineAuc + 0.01, $"AUC {card.Test.Auc} vs recency-only {card.RecencyBaselineAuc}");
        Assert.True(card.Test.Ece <= 0.02, $"ECE {card.Test.Ece}");
        Assert.InRange(card.Test.Auc, card.Test.AucLow, card.Test.AucHigh);
        Assert.Equal("high", card.Confidence);
    }

    [Fact]
    public void Periods_do_not_overlap()
    {
        var card = shop.Propensity.Card;
        // Training outcomes end where the evaluated period begins; the evaluated outcomes end at the scoring moment.
        Assert.Equal(card.TestCutOff, card.TrainCutOff.AddDays(card.HorizonDays));
        Assert.Equal(card.ScoreCutOff, card.TestCutOff.AddDays(card.HorizonDays));
        Assert.Equal(shop.Propensity.CustomerKeys.Length, card.ScoredCustomers);
        Assert.All(shop.Propensity.Probabilities, p => Assert.InRange(p, 0, 1));
    }

    [Fact]
    public void Saved_model_scores_as_trained_and_explains_each_score()
    {
        SavedModels.Save(shop.Store, shop.Propensity);
        var (card, scorer) = SavedModels.Load(shop.Store, PredictionShop.Propensity14.Name);
        Assert.Equal(CardJson.Write(shop.Propensity.Card), CardJson.Write(card));
        var now = TaskFrame.Load(shop.Store, PredictionShop.Propensity14, card.ScoreCutOff, withLabels: false);
        Assert.Equal(shop.Propensity.Probabilities, scorer.Probabilities(now.Features));

        var top = CustomerPredictions.Score(shop.Store, PredictionShop.Propensity14, null, null, top: 5);
        Assert.Equal(5, top.Count);
        Assert.True(top.Zip(top.Skip(1)).All(p => p.First.Probability >= p.Second.Probability));
        Assert.All(top, p => Assert.Equal(1, p.Decile));
        Assert.All(top, p => Assert.NotEmpty(p.Up));
        var one = CustomerPredictions.Score(shop.Store, PredictionShop.Propensity14, null, top[0].CustomerId);
        Assert.Equal(top[0].Probability, Assert.Single(one).Probability);
        Assert.Throws<KeyNotFoundException>(() => CustomerPredictions.Score(shop.Store, PredictionShop.Propensity14, null, "nobody"));
    }

    [Fact]
    public void Contributions_sum_to_the_raw_score_for_both_learners()
    {
        var frame = TaskFrame.Load(shop.Store, PredictionShop.Propensity14, shop.Propensity.Card.TestCutOff, withLabels: true);
        foreach (var learner in new[] { Learners.Gbdt, Learners.LogisticRegression })
        {
            var trained = PredictionTraining.Train(shop.Store, PredictionShop.Propensity14 with { HorizonDays = 28 },
                new TrainingOptions { Learners = [learner], Threads = 2, BootstrapResamples = 20 });
            Assert.Equal(learner, trained.Scorer.Learner);
            var rows = frame.Features[..(200 * TaskFrame.FeatureColumns.Count)];
            var raw = trained.Scorer.RawScores(rows);
            var contributions = trained.Scorer.Contributions(rows);
            var width = TaskFrame.FeatureColumns.Count + 1;
            for (var i = 0; i < 200; i++)
                Assert.Equal(raw[i], contributions.AsSpan(i * width, width).ToArray().Sum(), 6);
        }
    }

    [Fact]
    public void Churn_is_learned_under_both_definitions()
    {
        foreach (var definition in new[] { ChurnDefinition.NoActivity, ChurnDefinition.NoPurchase })
        {
            var task = new PredictionTask { Kind = PredictionKind.Churn, HorizonDays = 14, Definition = definition, LookBackDays = 28 };
            var card = PredictionTraining.Train(shop.Store, task, new TrainingOptions { Threads = 2, BootstrapResamples = 20 }).Card;
            output.WriteLine($"{card.Task}: AUC {card.Test.Auc:F3} (recency alone {card.RecencyBaselineAuc:F3}), ECE {card.Test.Ece:F4}");
            Assert.True(card.Test.Auc > card.RecencyBaselineAuc + 0.01, $"{card.Task} AUC {card.Test.Auc} vs recency alone {card.RecencyBaselineAuc}");
        }
    }

    [Fact]
    public void A_saved_logistic_regression_loads_and_scores_as_trained()
    {
        using var small = new TestStore();
        small.WithSyntheticShop(new ShopSimulatorOptions { Customers = 300, Days = 120, Seed = 3 });
        var task = PredictionShop.Propensity14 with { HorizonDays = 28 };
        var trained = PredictionTraining.Train(small.Store, task,
            new TrainingOptions { Threads = 2, Learners = [Learners.LogisticRegression], BootstrapModels = 2, BootstrapResamples = 20 });

        SavedModels.Save(small.Store, trained);
        var (card, scorer) = SavedModels.Load(small.Store, task.Name);

        Assert.Equal(Learners.LogisticRegression, scorer.Learner);
        var now = TaskFrame.Load(small.Store, task, card.ScoreCutOff, withLabels: false);
        Assert.Equal(trained.Probabilities, scorer.Probabilities(now.Features));
    }

    [Fact]
    public void A_small_shop_gets_a_model_with_intervals_and_a_low_confidence_note()
    {
        using var small = new TestStore();
        small.WithSyntheticShop(new ShopSimulatorOptions { Customers = 300, Days = 120, Seed = 3 });
        var store = small.Store;
        var trained = PredictionTraining.Train(store, PredictionShop.Propensity14 with { HorizonDays = 28 },
            new TrainingOptions { Threads = 2, BootstrapModels = 10, BootstrapResamples = 50 });
        Assert.Equal("low", trained.Card.Confidence);
        Assert.NotNull(trained.Card.ConfidenceReason);
        var (low, high) = trained.Intervals!.Value;
        Assert.All(Enumerable.Range(0, low.Length), i => Assert.True(low[i] <= high[i]));
        Assert.True(Enumerable.Range(0, low.Length).Average(i => high[i] - low[i]) > 0.01, "thin data should give visible intervals");
    }

    [Fact]
    public void Too_short_a_history_is_a_clear_error()
    {
        var task = new PredictionTask { HorizonDays = 120 };
        var error = Assert.Throws<InsufficientDataException>(() => PredictionTraining.Train(shop.Store, task, new TrainingOptions { Threads = 2 }));
        Assert.Contains("history", error.Message, StringComparison.Ordinal);
    }
}
