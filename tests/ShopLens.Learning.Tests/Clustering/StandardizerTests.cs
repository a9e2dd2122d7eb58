using ShopLens.Learning.Clustering;

namespace ShopLens.Learning.Tests.Clustering;

/// <summary>Standardisation against scikit-learn's <c>StandardScaler</c> (1.2.1).</summary>
[Trait("Issue", "3")]
public sealed class StandardizerTests
{
    static readonly double[] Table = [1, 5, 3, 2, 5, -1, 4, 5, 0.5, 8, 5, 2, 16, 5, 7, 32, 5, -4];

    [Fact]
    public void Means_and_scales_match_scikit_learn_and_a_constant_column_keeps_scale_one()
    {
        var scaler = Standardizer.Fit(Table, 3);
        Assert.Equal([10.5, 5.0, 1.25], scaler.Means);
        Assert.Equal(10.828203913853857, scaler.Scales[0], 14);
        Assert.Equal(1.0, scaler.Scales[1]);
        Assert.Equal(3.412599204907212, scaler.Scales[2], 14);
    }

    [Fact]
    public void Transformed_columns_have_mean_zero_and_variance_one_and_invert_back()
    {
        var scaler = Standardizer.Fit(Table, 3);
        var z = scaler.Transform(Table);
        foreach (var j in new[] { 0, 2 })
        {
            var column = Enumerable.Range(0, 6).Select(i => z[i * 3 + j]).ToArray();
            Assert.Equal(0, column.Average(), 14);
            Assert.Equal(1, column.Average(v => v * v), 14);
        }
        Assert.All(Enumerable.Range(0, 6), i => Assert.Equal(0, z[i * 3 + 1]));
        for (var i = 0; i < Table.Length; i++) Assert.Equal(Table[i], scaler.Inverse(i % 3, z[i]), 12);
        Assert.Throws<ArgumentException>(() => scaler.Transform([1.0, 2]));
        Assert.Throws<ArgumentException>(() => Standardizer.Fit([1.0, double.PositiveInfinity], 2));
    }
}
