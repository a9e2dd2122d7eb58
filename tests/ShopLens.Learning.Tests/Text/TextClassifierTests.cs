using System.IO.Compression;
using ShopLens.Learning.Text;
using Xunit.Abstractions;

namespace ShopLens.Learning.Tests.Text;

/// <summary>The text classifier on a toy corpus (explanations, saving) and on ChnSentiCorp's standard split.</summary>
[Trait("Issue", "9")]
public sealed class TextClassifierTests(ITestOutputHelper output)
{
    static readonly string[] Positive = ["质量很好，物流很快", "非常满意，会回购", "great quality, love it", "物流很快，很好用", "works great, would buy again", "很好，推荐"];
    static readonly string[] Negative = ["质量很差，退货了", "太差了，不推荐", "terrible, not good at all", "物流很慢，很差", "broke after a week, not worth it", "差评，失望"];

    static (string[] Texts, bool[] Labels) Toy() =>
        ([.. Positive, .. Negative], [.. Positive.Select(_ => true), .. Negative.Select(_ => false)]);

    [Fact]
    public void Probabilities_follow_the_labels_and_explanations_name_the_words_that_moved_them()
    {
        var (texts, labels) = Toy();
        var model = TextClassifier.Fit(texts, labels, new TextClassifierOptions { C = 10 });
        var p = model.Probabilities(["很好，很满意", "很差，不推荐"]);
        Assert.True(p[0] > 0.5 && p[1] < 0.5, $"{p[0]} {p[1]}");

        var reasons = model.Explain("很差，不推荐", top: 3);
        Assert.Equal(3, reasons.Count);
        Assert.All(reasons, r => Assert.True(r.LogOdds < 0, $"{r.Term} {r.LogOdds}"));
        Assert.Contains(reasons, r => r.Term.Contains('差'));
        Assert.True(Math.Abs(reasons[0].LogOdds) >= Math.Abs(reasons[^1].LogOdds));
    }

    [Fact]
    public void English_negation_is_its_own_term()
    {
        var (texts, labels) = Toy();
        var model = TextClassifier.Fit(texts, labels, new TextClassifierOptions { C = 10 });
        Assert.Contains(model.Explain("not good", top: 5), r => r.Term == "not_good" && r.LogOdds < 0);
    }

    [Fact]
    public void A_saved_model_loads_and_scores_to_the_same_bits()
    {
        var (texts, labels) = Toy();
        foreach (var naiveBayes in new[] { false, true })
        {
            var model = TextClassifier.Fit(texts, labels, new TextClassifierOptions { C = 3, NaiveBayes = naiveBayes });
            using var stream = new MemoryStream();
            model.Save(stream);
            stream.Position = 0;
            var loaded = TextClassifier.Load(stream);
            Assert.Equal(model.Probabilities(texts), loaded.Probabilities(texts));
            Assert.Equal(naiveBayes, loaded.NaiveBayes);
            Assert.Equal(3, loaded.C);
            Assert.Equal(model.Explain("物流很慢"), loaded.Explain("物流很慢"));
        }
    }

    [Fact]
    public void A_damaged_or_foreign_file_is_refused()
    {
        var (texts, labels) = Toy();
        using var stream = new MemoryStream();
        TextClassifier.Fit(texts, labels, new TextClassifierOptions { C = 1 }).Save(stream);
        var bytes = stream.ToArray();
        Assert.Throws<InvalidDataException>(() => TextClassifier.Load(new MemoryStream(bytes[..(bytes.Length / 2)])));
        Assert.Throws<InvalidDataException>(() => TextClassifier.Load(new MemoryStream("SLRECSEQ and more"u8.ToArray())));
    }

    [Fact]
    public void Without_a_C_it_chooses_one_on_held_out_texts()
    {
        var (texts, labels) = Toy();
        var model = TextClassifier.Fit([.. texts, .. texts], [.. labels, .. labels]);
        Assert.Equal([1.0, 3, 10, 30], model.ValidationAccuracy.Keys);
        Assert.Contains(model.C, model.ValidationAccuracy.Keys);
        Assert.Equal(model.ValidationAccuracy.Values.Max(), model.ValidationAccuracy[model.C]);
    }

    [Fact]
    public void One_class_is_refused()
    {
        Assert.Throws<LearnerInputException>(() => TextClassifier.Fit(Positive, [.. Positive.Select(_ => true)]));
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
    public void On_chnsenticorps_standard_split_it_reaches_93_percent()
    {
        using var zip = ZipFile.OpenRead(SharedData.Path("chinese_sentiment/chnsenticorp_ymcui.zip"));
        var (trainTexts, trainLabels) = Read(zip, "train.tsv");
        var (testTexts, testLabels) = Read(zip, "test.tsv");
        var model = TextClassifier.Fit(trainTexts, trainLabels, new TextClassifierOptions { C = 10 });
        var p = model.Probabilities(testTexts);
        var accuracy = Enumerable.Range(0, p.Length).Average(i => p[i] >= 0.5 == testLabels[i] ? 1.0 : 0.0);
        output.WriteLine($"test accuracy {accuracy:P2} on {p.Length}");

        // ../shared/datasets/REFERENCE_RESULTS.md: BOW (Senta) 90.0 on this test split; the goal is 93.
        Assert.True(accuracy > 0.93, $"test accuracy {accuracy:P2}");
    }
}
