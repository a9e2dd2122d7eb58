using System.IO.Compression;
using ShopLens.Core.Import;
using ShopLens.Insight.Reviews;

namespace ShopLens.Insight.Tests.Reviews;

[Trait("Issue", "9")]
public sealed class LabelledTextFileTests : IDisposable
{
    readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("shoplens-labelled-");

    string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Ratings_become_weak_labels_and_every_line_is_accounted_for()
    {
        var path = Write("r.csv", "id,stars,comment\n1,5,great\n2,1,\"awful, broke\"\n3,3,okay\n4,4,good\n5,x,what\n6,2,\n7,2,bad\n");
        var data = LabelledTextFile.Read(path);
        Assert.Equal(LabelKind.Ratings, data.Kind);
        Assert.Equal(("comment", "stars"), (data.TextColumn, data.LabelColumn));
        Assert.Equal(["great", "awful, broke", "good", "bad"], data.Texts);
        Assert.Equal([true, false, true, false], data.Labels);
        Assert.Equal(1, data.Neutral);
        Assert.Equal([new RejectedLine(6, "stars 'x' is not a rating 1 to 5"), new RejectedLine(7, "comment is empty")], data.Rejected);
        Assert.Equal(7, data.Lines);
    }

    [Fact]
    public void Tsv_is_read_without_quoting_and_binary_labels_in_any_spelling()
    {
        var path = Write("b.tsv", "label\ttext_a\npos\tsays \"hi\" here\n0\tno\nNegative\tmeh\nmaybe\tx\n");
        var data = LabelledTextFile.Read(path);
        Assert.Equal(LabelKind.Binary, data.Kind);
        Assert.Equal(["says \"hi\" here", "no", "meh"], data.Texts);
        Assert.Equal([true, false, false], data.Labels);
        Assert.Equal(5, Assert.Single(data.Rejected).Line);
    }

    [Fact]
    public void A_zip_member_is_read_by_name_or_alone()
    {
        var zipPath = Path.Combine(_dir.FullName, "c.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            foreach (var (name, body) in new[] { ("train.tsv", "label\ttext\n1\tgood\n0\tbad\n"), ("test.tsv", "label\ttext\n1\tfine\n") })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(body);
            }
        }
        Assert.Equal(["fine"], LabelledTextFile.Read(zipPath + ":test.tsv").Texts);
        Assert.Equal($"{zipPath}:train.tsv", LabelledTextFile.Read(zipPath + ":train.tsv").Source);
        var ambiguous = Assert.Throws<ImportException>(() => LabelledTextFile.Read(zipPath));
        Assert.Contains("train.tsv, test.tsv", ambiguous.Message);
        Assert.Contains("no member 'dev.tsv'", Assert.Throws<ImportException>(() => LabelledTextFile.Read(zipPath + ":dev.tsv")).Message);
    }

    [Fact]
    public void A_missing_column_or_file_is_named()
    {
        var path = Write("m.csv", "a,b\n1,2\n");
        var e = Assert.Throws<ImportException>(() => LabelledTextFile.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("a, b", e.Message);
        Assert.Contains("no column 'body'", Assert.Throws<ImportException>(() => LabelledTextFile.Read(path, textColumn: "body", labelColumn: "a")).Message);
        Assert.Contains("no such file", Assert.Throws<ImportException>(() => LabelledTextFile.Read(path + ".gone")).Message);
    }

    [Fact]
    public void Waimai_reads_whole()
    {
        var data = LabelledTextFile.Read(TestStore.Dataset("chinese_sentiment/waimai_10k.csv"));
        Assert.Equal(11987, data.Lines);
        Assert.Equal(data.Lines, data.Texts.Count + data.Rejected.Count);
        Assert.InRange(data.Positives, 3900, 4100);
    }

    public void Dispose() => _dir.Delete(true);
}
