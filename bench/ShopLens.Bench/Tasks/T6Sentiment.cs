using System.Diagnostics;
using System.Text.Json;
using ShopLens.Insight.Reviews;
using ShopLens.Learning.Text;

namespace ShopLens.Bench.Tasks;

/// <summary>
/// T6: Chinese review sentiment, beside peers/t6_sentiment.py (scikit-learn TF-IDF of character 1-3-grams + logistic
/// regression, C 1). Two recipes: "same_recipe" — character 1-3-grams (and words) hashed into 2^20 columns, sublinear
/// TF-IDF, L2 logistic regression at the peer's C 1, so times and accuracy compare like with like — and "shoplens", the
/// classifier <c>shoplens reviews train</c> fits (C chosen from 1, 3, 10, 30 on a held-out fifth of the training texts).
/// The ChnSentiCorp zip: train on train.tsv, accuracy on dev.tsv and test.tsv. A label,review CSV: the rows and splits
/// bench/t6_folds.py wrote from scikit-learn's own splitters (the peer's stratified 80/20 split and 5 folds), so both sides
/// score the same texts.
/// </summary>
static class T6Sentiment
{
    public static string Run(string input)
    {
        WarmUp();
        var result = new Dictionary<string, object> { ["task"] = "T6", ["peer"] = "shoplens", ["input"] = input };
        if (input.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            var sets = new[] { "train", "dev", "test" }.ToDictionary(n => n, n => LabelledTextFile.Read($"{input}:{n}.tsv"));
            result["n"] = sets.ToDictionary(p => p.Key, p => p.Value.Texts.Count);
            result["rejected"] = sets.ToDictionary(p => p.Key, p => p.Value.Rejected.Count);
            var tests = new Dictionary<string, (IReadOnlyList<string>, bool[])> { ["dev"] = (sets["dev"].Texts, sets["dev"].Labels), ["test"] = (sets["test"].Texts, sets["test"].Labels) };
            result["standard_split"] = SameRecipe(sets["train"].Texts, sets["train"].Labels, tests);
            result["shoplens"] = Default(sets["train"].Texts, sets["train"].Labels, tests);
            return JsonSerializer.Serialize(result);
        }
        var rows = File.ReadLines(input).Select(l => JsonSerializer.Deserialize<FoldRow>(l)!).ToArray();
        result["n"] = rows.Length;
        var (train, test) = (rows.Where(r => !r.test80).ToArray(), rows.Where(r => r.test80).ToArray());
        var split = new Dictionary<string, (IReadOnlyList<string>, bool[])> { ["test"] = (Texts(test), Labels(test)) };
        result["split_80_20"] = SameRecipe(Texts(train), Labels(train), split);
        result["split_80_20_shoplens"] = Default(Texts(train), Labels(train), split);
        result["cv5"] = CrossValidate(rows, (texts, labels, tests) => SameRecipe(texts, labels, tests));
        result["cv5_shoplens"] = CrossValidate(rows, (texts, labels, tests) => Default(texts, labels, tests));
        return JsonSerializer.Serialize(result);
    }

    sealed record FoldRow(string text, int label, int fold, bool test80);

    static string[] Texts(FoldRow[] rows) => [.. rows.Select(r => r.text)];

    static bool[] Labels(FoldRow[] rows) => [.. rows.Select(r => r.label == 1)];

    /// <summary>The first fits of the process pay for JIT compilation; the peer's interpreter has its numpy loaded already.</summary>
    static void WarmUp()
    {
        string[] texts = ["很好", "很差", "good", "bad"];
        TextClassifier.Fit(texts, [true, false, true, false], new TextClassifierOptions { C = 1 });
    }

    static Dictionary<string, object> SameRecipe(IReadOnlyList<string> texts, bool[] labels, Dictionary<string, (IReadOnlyList<string> Texts, bool[] Labels)> tests)
    {
        var clock = Stopwatch.StartNew();
        var (tfidf, rows) = TfIdf.FitTransform(texts, new TextTerms());
        var vectorize = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var model = SparseLogisticRegression.Fit(rows, labels, c: 1, tolerance: 1e-4);
        var fit = clock.Elapsed.TotalSeconds;
        var features = Enumerable.Range(0, tfidf.Width).Count(j => tfidf.Idf(j) != 0);
        return new()
        {
            ["vectorize_s"] = Math.Round(vectorize, 3),
            ["fit_s"] = Math.Round(fit, 3),
            ["n_features"] = features,
            ["passes"] = model.Passes,
            ["acc"] = tests.ToDictionary(t => t.Key, t => Accuracy(model.Probabilities(tfidf.Transform(t.Value.Texts)), t.Value.Labels)),
        };
    }

    static Dictionary<string, object> Default(IReadOnlyList<string> texts, bool[] labels, Dictionary<string, (IReadOnlyList<string> Texts, bool[] Labels)> tests)
    {
        var clock = Stopwatch.StartNew();
        var model = TextClassifier.Fit(texts, labels);
        var fit = clock.Elapsed.TotalSeconds;
        return new()
        {
            ["fit_s"] = Math.Round(fit, 3),
            ["c"] = model.C,
            ["acc"] = tests.ToDictionary(t => t.Key, t => Accuracy(model.Probabilities(t.Value.Texts), t.Value.Labels)),
        };
    }

    static Dictionary<string, object> CrossValidate(FoldRow[] rows,
        Func<IReadOnlyList<string>, bool[], Dictionary<string, (IReadOnlyList<string>, bool[])>, Dictionary<string, object>> fit)
    {
        var clock = Stopwatch.StartNew();
        var accuracies = new List<double>();
        for (var k = 0; k < 5; k++)
        {
            var (train, test) = (rows.Where(r => r.fold != k).ToArray(), rows.Where(r => r.fold == k).ToArray());
            var figures = fit(Texts(train), Labels(train), new() { ["test"] = (Texts(test), Labels(test)) });
            accuracies.Add(((Dictionary<string, double>)figures["acc"])["test"]);
        }
        var mean = accuracies.Average();
        return new()
        {
            ["acc_mean"] = Math.Round(mean, 4),
            // numpy's std (ddof 0), as the peer's cross_val_score(...).std().
            ["acc_std"] = Math.Round(Math.Sqrt(accuracies.Average(a => (a - mean) * (a - mean))), 4),
            ["total_s"] = Math.Round(clock.Elapsed.TotalSeconds, 2),
        };
    }

    static double Accuracy(double[] p, bool[] labels) => Math.Round(Enumerable.Range(0, p.Length).Average(i => p[i] >= 0.5 == labels[i] ? 1.0 : 0.0), 4);
}
