using ShopLens.Learning.Recommenders;

namespace ShopLens.Learning.Tests.Recommenders;

/// <summary>BM25 and TF-IDF reweighting against implicit's formulas applied to the item × user matrix.</summary>
[Trait("Issue", "6")]
public sealed class WeightingTests
{
    // 3 users × 4 items; user 2 has 3 of the 4 items, so their idf is ln 4 − ln 4 = 0.
    static readonly Interactions X = Interactions.FromTriples(3, 4, [0, 0, 1, 2, 2, 2], [0, 3, 1, 0, 1, 2], [2f, 5f, 1f, 4f, 3f, 1f]);

    [Fact]
    public void Bm25_weighs_by_the_users_idf_and_the_items_length()
    {
        var weighted = X.Reweighted(Weighting.Bm25);
        double[] itemTotals = [6, 4, 1, 5];
        var mean = itemTotals.Average();

        Assert.Equal(X.Columns, weighted.Columns);
        Assert.Equal(X.RowStart, weighted.RowStart);
        for (var u = 0; u < 3; u++)
        {
            var idf = Math.Log(4) - Math.Log(1 + X.ItemsOf(u).Length);
            for (var k = 0; k < X.ItemsOf(u).Length; k++)
            {
                double w = X.WeightsOf(u)[k];
                var norm = 0.2 + 0.8 * itemTotals[X.ItemsOf(u)[k]] / mean;
                Assert.Equal(w * 101 / (100 * norm + w) * idf, weighted.WeightsOf(u)[k], 1e-6);
            }
        }
    }

    [Fact]
    public void TfIdf_is_the_root_weight_times_the_users_idf()
    {
        var weighted = X.Reweighted(Weighting.TfIdf);

        Assert.Equal([Math.Sqrt(2) * Math.Log(4.0 / 3), Math.Sqrt(5) * Math.Log(4.0 / 3), Math.Log(2), 0, 0, 0], weighted.Values.Select(v => (double)v), new Tolerance(1e-6));
        Assert.Equal(X.Values, X.Reweighted(Weighting.None).Values);
    }

    sealed class Tolerance(double within) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= within;

        public int GetHashCode(double obj) => 0;
    }
}
