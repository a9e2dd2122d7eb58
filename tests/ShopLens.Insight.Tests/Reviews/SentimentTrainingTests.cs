using ShopLens.Insight.Reviews;
using Xunit.Abstractions;

namespace ShopLens.Insight.Tests.Reviews;

[Trait("Issue", "9")]
public sealed class SentimentTrainingTests(ReviewShop shop, ITestOutputHelper output) : IClassFixture<ReviewShop>
{
    [Fact]
    public void From_the_stores_ratings_it_is_measured_on_later_reviews_than_it_trained_on()
    {
        var card = shop.Trained.Card;
        output.WriteLine(System.Text.Json.JsonSerializer.Serialize(card, ShopLens.Insight.Predictions.CardJson.Options));
        Assert.Equal("ratings", card.Labels);
        Assert.NotNull(card.TestFrom);
        var labelled = shop.Reviews.Where(r => r.Text.Length > 0 && r.Rating != 3).ToList();
        Assert.Equal(labelled.Count, card.Texts);
        Assert.Equal(shop.Reviews.Count(r => r.Rating == 3), card.Neutral);
        Assert.Equal(labelled.Count(r => r.Time < card.TestFrom), card.TrainRows);
        Assert.Equal(labelled.Count(r => r.Time >= card.TestFrom), card.Test.Rows);
        Assert.InRange(card.Test.Rows, 0.15 * card.Texts, 0.25 * card.Texts);
        Assert.True(card.Test.Accuracy > 0.9 && card.Test.Accuracy > card.Test.MajorityAccuracy + 0.1, $"accuracy {card.Test.Accuracy} vs majority {card.Test.MajorityAccuracy}");
        Assert.InRange(card.Test.MacroF1, 0.85, 1);
        Assert.InRange(card.Test.Ece, 0, 0.1);
        Assert.NotEmpty(card.Test.CalibrationCurve);
        Assert.Contains(card.C.ToString(System.Globalization.CultureInfo.InvariantCulture), card.CandidateC.Keys);
    }

    [Fact]
    public void The_saved_classifier_loads_with_its_card_and_scored_every_review_with_text()
    {
        var loaded = SavedSentiment.TryLoad(shop.Store)!;
        Assert.Equal(shop.Trained.Card.Test, loaded.Card.Test with { CalibrationCurve = shop.Trained.Card.Test.CalibrationCurve });
        Assert.Equal(shop.Trained.Card.Test.CalibrationCurve, loaded.Card.Test.CalibrationCurve);
        Assert.Equal(shop.Reviews.Count(r => r.Text.Length > 0), shop.Scores.Count);
        var texts = shop.Reviews.Take(50).Select(r => r.Text).ToArray();
        Assert.Equal(shop.Trained.Classifier.Probabilities(texts), loaded.Classifier.Probabilities(texts));
        Assert.All(shop.Reviews.Take(50), r => Assert.Equal(shop.Trained.Classifier.Probabilities([r.Text])[0], shop.Scores[SavedSentiment.Key(r)], 12));
    }

    [Fact]
    public void On_chnsenticorp_from_its_zip_it_beats_the_bag_of_words_baseline_and_reaches_93_percent()
    {
        var zip = TestStore.Dataset("chinese_sentiment/chnsenticorp_ymcui.zip");
        var train = LabelledTextFile.Read(zip + ":train.tsv");
        var test = LabelledTextFile.Read(zip + ":test.tsv");
        var trained = SentimentTraining.FromFile(train, test, new SentimentOptions { C = 10 });
        output.WriteLine($"train {train.Texts.Count} (rejected {train.Rejected.Count}), test {test.Texts.Count}: accuracy {trained.Card.Test.Accuracy:P2}, macro F1 {trained.Card.Test.MacroF1:F4}, ECE {trained.Card.Test.Ece:F4}, fit {trained.Card.FitSeconds:F2} s");
        Assert.Equal(LabelKind.Binary, train.Kind);
        Assert.Equal(9600, train.Lines);
        Assert.Equal(1200, test.Lines);
        // ../shared/datasets/REFERENCE_RESULTS.md: BOW 90.0 on this test split; the issue's goal 93.
        Assert.True(trained.Card.Test.Accuracy > 0.93, $"{trained.Card.Test.Accuracy:P2}");
        Assert.Equal(train.Texts.Count, trained.Card.TrainRows);
    }

    [Fact]
    public void On_waimai_five_fold_accuracy_is_above_the_scikit_learn_peers()
    {
        var data = LabelledTextFile.Read(TestStore.Dataset("chinese_sentiment/waimai_10k.csv"));
        // Stratified folds: each class shuffled (seed 0) and dealt round-robin.
        var fold = new int[data.Texts.Count];
        var random = new Random(0);
        foreach (var label in new[] { false, true })
        {
            var rows = Enumerable.Range(0, fold.Length).Where(i => data.Labels[i] == label).ToArray();
            random.Shuffle(rows);
            for (var k = 0; k < rows.Length; k++) fold[rows[k]] = k % 5;
        }
        var accuracies = new List<double>();
        for (var f = 0; f < 5; f++)
        {
            var train = Enumerable.Range(0, fold.Length).Where(i => fold[i] != f).ToArray();
            var test = Enumerable.Range(0, fold.Length).Where(i => fold[i] == f).ToArray();
            var model = ShopLens.Learning.Text.TextClassifier.Fit([.. train.Select(i => data.Texts[i])], [.. train.Select(i => data.Labels[i])]);
            var p = model.Probabilities([.. test.Select(i => data.Texts[i])]);
            accuracies.Add(Enumerable.Range(0, test.Length).Average(k => p[k] >= 0.5 == data.Labels[test[k]] ? 1.0 : 0.0));
        }
        output.WriteLine($"5-fold accuracy {accuracies.Average():P2} ({string.Join(", ", accuracies.Select(a => a.ToString("P2")))})");
        // docs/benchmarks.md T6: scikit-learn's TF-IDF + logistic regression, 5-fold mean 0.8924 on this file (its own folds).
        Assert.True(accuracies.Average() > 0.8924, $"{accuracies.Average():P2}");
    }
}
