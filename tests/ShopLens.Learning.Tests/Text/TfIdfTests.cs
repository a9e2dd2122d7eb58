using ShopLens.Learning.Text;

namespace ShopLens.Learning.Tests.Text;

/// <summary>TF-IDF against scikit-learn's formula (sublinear tf, smooth idf, unit length), worked by hand.</summary>
[Trait("Issue", "9")]
public sealed class TfIdfTests
{
    static readonly string[] Documents = ["a b", "a c", "a a d"];

    static float Weight(SparseRows rows, int row, string term)
    {
        var at = rows.ColumnsOf(row).IndexOf(FeatureHash.Column(term, 20));
        return at < 0 ? 0 : rows.ValuesOf(row)[at];
    }

    [Fact]
    public void Weights_are_sublinear_tf_times_smooth_idf_at_unit_length()
    {
        var tfidf = TfIdf.Fit(Documents, new TextTerms());
        var rows = tfidf.Transform(Documents);

        // idf(a) = ln(4/4) + 1 = 1, idf(b) = ln(4/2) + 1; "a b" is (1, 1.6931) / 1.9664.
        var idfB = Math.Log(2) + 1;
        var norm = Math.Sqrt(1 + idfB * idfB);
        Assert.Equal(1 / norm, Weight(rows, 0, "a"), 1e-6);
        Assert.Equal(idfB / norm, Weight(rows, 0, "b"), 1e-6);
        // "a a d": a counts 1 + ln 2 = idf(d), so both weigh 1/√2.
        Assert.Equal(Math.Sqrt(0.5), Weight(rows, 2, "a"), 1e-6);
        Assert.Equal(Math.Sqrt(0.5), Weight(rows, 2, "d"), 1e-6);
        Assert.Equal(2, rows.ColumnsOf(2).Length);
    }

    [Fact]
    public void Unseen_terms_weigh_nothing_and_columns_ascend()
    {
        var tfidf = TfIdf.Fit(Documents, new TextTerms());
        var rows = tfidf.Transform(["b zzz", "zzz", ""]);

        Assert.Equal(1, Weight(rows, 0, "b"), 1e-6);
        Assert.Equal(1, rows.ColumnsOf(0).Length);
        Assert.Equal(0, rows.ColumnsOf(1).Length);
        Assert.Equal(0, rows.ColumnsOf(2).Length);
        Assert.Equal(1 << 20, rows.Width);
        var all = tfidf.Transform(Documents);
        for (var r = 0; r < all.Rows; r++) Assert.True(all.ColumnsOf(r).ToArray().SequenceEqual(all.ColumnsOf(r).ToArray().Order()));
    }
}
