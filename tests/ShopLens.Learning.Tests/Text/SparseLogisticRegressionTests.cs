using System.IO.Compression;
using ShopLens.Learning.Text;
using Xunit.Abstractions;

namespace ShopLens.Learning.Tests.Text;

/// <summary>Logistic regression on TF-IDF rows: its gradient against central differences, and ChnSentiCorp's standard split.</summary>
[Trait("Issue", "9")]
public sealed class SparseLogisticRegressionTests(ITestOutputHelper output)
{
    [Fact]
    public void The_objectives_gradient_matches_central_differences()
    {
        int[][] columns = [[0, 2], [1], [0, 1, 2], []];
        float[][] values = [[0.6f, 0.8f], [1f], [0.5f, 0.5f, 0.7071f], []];
        bool[] labels = [true, false, true, false];
        var objective = new SparseLogisticObjective(columns, values, labels, c: 2.5, dimension: 3);
        var at = new[] { 0.3, -1.2, 0.7, 0.1 };
        var gradient = new double[4];
        objective.Evaluate(at, gradient);

        var numeric = CentralDifferences.Gradient(p => objective.Evaluate(p, new double[4]), at, _ => 1e-5);
        for (var j = 0; j < 4; j++) Assert.Equal(numeric[j], gradient[j], 1e-7);
    }

    /// <summary>ymcui's ChnSentiCorp: train.tsv (9,600) and test.tsv (1,200), columns label and text_a.</summary>
    static (List<string> Texts, bool[] Labels) Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        var header = reader.ReadLine()!.Split('\t');
        var (label, text) = (Array.IndexOf(header, "label"), Array.IndexOf(header, "text_a"));
        List<string> texts = [];
        List<bool> labels = [];
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split('\t');
            labels.Add(fields[label] == "1");
            texts.Add(text < fields.Length ? fields[text] : "");
        }
        return (texts, [.. labels]);
    }

    [Fact]
    public void On_chnsenticorps_standard_split_character_ngrams_beat_the_bag_of_words_baseline()
    {
        using var zip = ZipFile.OpenRead(SharedData.Path("chinese_sentiment/chnsenticorp_ymcui.zip"));
        var (trainTexts, trainLabels) = Read(zip, "train.tsv");
        var (testTexts, testLabels) = Read(zip, "test.tsv");
        var tfidf = TfIdf.Fit(trainTexts, new TextTerms());
        var model = SparseLogisticRegression.Fit(tfidf.Transform(trainTexts), trainLabels, c: 10);
        var p = model.Probabilities(tfidf.Transform(testTexts));
        var accuracy = Enumerable.Range(0, p.Length).Average(i => p[i] >= 0.5 == testLabels[i] ? 1.0 : 0.0);
        output.WriteLine($"test accuracy {accuracy:P2} on {p.Length}");

        // ../shared/datasets/REFERENCE_RESULTS.md: BOW (Senta) 90.0 on this test split.
        Assert.True(accuracy > 0.90, $"test accuracy {accuracy:P2}");
    }
}
