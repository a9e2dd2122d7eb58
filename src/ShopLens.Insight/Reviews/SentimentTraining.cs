using System.Diagnostics;
using System.Globalization;
using ShopLens.Core.Store;
using ShopLens.Insight.Predictions;
using ShopLens.Learning.Evaluation;
using ShopLens.Learning.Text;

namespace ShopLens.Insight.Reviews;

/// <summary>
/// Trains review sentiment (<see cref="TextClassifier"/>) from a labelled file or from the store's own ratings as weak
/// labels, measures it on texts it did not train on — a test file, a held-out stratified fifth of the file, or for the
/// store the latest fifth of the reviews by time — and refits the same recipe (C kept) on every labelled text.
/// </summary>
public static class SentimentTraining
{
    /// <summary>Trains on <paramref name="data"/>; measures on <paramref name="test"/>, or on a held-out share of the data without one.</summary>
    /// <exception cref="InsufficientDataException">a class missing from the texts to train or to test on</exception>
    public static TrainedSentiment FromFile(LabelledTexts data, LabelledTexts? test, SentimentOptions? options = null, TimeProvider? time = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new SentimentOptions();
        int[] trainRows, testRows;
        string evaluation;
        if (test is null)
        {
            var held = StratifiedHoldOut.Draw(data.Labels, options.TestShare, options.Seed);
            (trainRows, testRows) = ([.. Enumerable.Range(0, held.Length).Where(i => !held[i])], [.. Enumerable.Range(0, held.Length).Where(i => held[i])]);
            evaluation = $"a held-out {options.TestShare:P0} of {data.Source} (stratified, seed {options.Seed})";
        }
        else
        {
            (trainRows, testRows) = ([.. Enumerable.Range(0, data.Texts.Count)], []);
            evaluation = $"{test.Source} ({test.Texts.Count:N0} texts)";
        }
        var testTexts = test?.Texts ?? [.. testRows.Select(i => data.Texts[i])];
        var testLabels = test?.Labels ?? [.. testRows.Select(i => data.Labels[i])];
        var provenance = new Provenance(data.Source, data.Kind == LabelKind.Ratings ? "ratings" : "binary", data.Neutral, data.Rejected.Count, evaluation, null);
        return Train(data.Texts, data.Labels, trainRows, testTexts, testLabels, options, provenance, time, ct);
    }

    /// <summary>
    /// Trains on the store's reviews that have text, their ratings as weak labels (4-5 positive, 1-2 negative, 3 left out);
    /// the card measures a fit on the earlier reviews against the latest <see cref="SentimentOptions.TestShare"/> of them.
    /// </summary>
    /// <exception cref="InsufficientDataException">too few rated texts, or a class missing from the earlier or later reviews</exception>
    public static TrainedSentiment FromStore(IShopStore store, SentimentOptions? options = null, TimeProvider? time = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        options ??= new SentimentOptions();
        var reviews = StoredReviews.Load(store).Where(r => r.Text.Length > 0).ToList();
        var labelled = reviews.Where(r => r.Rating != 3).ToList();
        if (labelled.Count < 20)
            throw new InsufficientDataException($"review sentiment needs at least 20 reviews with text rated other than 3 stars (the store has {labelled.Count})");
        // Reviews come oldest first: the test rows are the latest ones, and a time shared with a test row stays in the test.
        var testFrom = labelled[(int)Math.Floor(labelled.Count * (1 - options.TestShare))].Time;
        var trainRows = Enumerable.Range(0, labelled.Count).Where(i => labelled[i].Time < testFrom).ToArray();
        var later = labelled.Where(r => r.Time >= testFrom).ToList();
        var texts = labelled.Select(r => r.Text).ToList();
        var labels = labelled.Select(r => r.Rating >= 4).ToArray();
        var provenance = new Provenance($"{store.Location} reviews", "ratings", reviews.Count - labelled.Count, 0,
            $"the reviews written from {testFrom.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)} on, after fitting on the earlier ones", testFrom);
        return Train(texts, labels, trainRows, [.. later.Select(r => r.Text)], [.. later.Select(r => r.Rating >= 4)], options, provenance, time, ct);
    }

    /// <summary>Where the labelled texts came from and what the card's figures were measured on.</summary>
    sealed record Provenance(string Source, string Labels, int Neutral, int Rejected, string Evaluation, DateTime? TestFrom);

    static TrainedSentiment Train(IReadOnlyList<string> texts, bool[] labels, int[] trainRows, IReadOnlyList<string> testTexts, bool[] testLabels,
        SentimentOptions options, Provenance provenance, TimeProvider? time, CancellationToken ct)
    {
        var trainLabels = trainRows.Select(i => labels[i]).ToArray();
        Require(trainLabels, "texts to train on");
        Require(testLabels, "texts to test on");
        var recipe = new TextClassifierOptions { C = options.C, NaiveBayes = options.NaiveBayes, Seed = options.Seed };
        var evaluated = TextClassifier.Fit([.. trainRows.Select(i => texts[i])], trainLabels, recipe, ct);
        var test = SentimentMetrics.Compute(testLabels, evaluated.Probabilities(testTexts));

        var clock = Stopwatch.StartNew();
        var final = TextClassifier.Fit(texts, labels, recipe with { C = evaluated.C }, ct);
        var fitSeconds = clock.Elapsed.TotalSeconds;
        var card = new SentimentCard
        {
            CreatedAt = (time ?? TimeProvider.System).GetUtcNow().UtcDateTime,
            Source = provenance.Source,
            Labels = provenance.Labels,
            Texts = texts.Count,
            Positives = labels.Count(l => l),
            Neutral = provenance.Neutral,
            Rejected = provenance.Rejected,
            Evaluation = provenance.Evaluation,
            TrainRows = trainRows.Length,
            TestFrom = provenance.TestFrom,
            Test = test,
            C = evaluated.C,
            CandidateC = evaluated.ValidationAccuracy.ToDictionary(p => p.Key.ToString(CultureInfo.InvariantCulture), p => p.Value),
            NaiveBayes = options.NaiveBayes,
            WeightedColumns = final.WeightedColumns,
            FitSeconds = fitSeconds,
        };
        return new TrainedSentiment(final, card);
    }

    static void Require(bool[] labels, string what)
    {
        if (labels.Length == 0 || labels.All(l => l) || !labels.Any(l => l))
            throw new InsufficientDataException($"the {what} need both positive and negative ones ({labels.Count(l => l)} positive of {labels.Length})");
    }
}
