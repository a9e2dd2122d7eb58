using ShopLens.Learning.Clustering;

namespace ShopLens.Learning.Tests.Clustering;

/// <summary>The silhouette against hand computation and scikit-learn's <c>silhouette_score</c>.</summary>
[Trait("Issue", "3")]
public sealed class SilhouetteTests
{
    [Fact]
    public void Two_pairs_on_a_line_by_hand()
    {
        // 0 and 6: a = 1, b = (5 + 6) / 2 = 5.5, s = 4.5 / 5.5; 1 and 5: a = 1, b = (4 + 5) / 2 = 4.5, s = 3.5 / 4.5.
        var expected = (4.5 / 5.5 + 3.5 / 4.5) / 2;
        Assert.Equal(expected, Silhouette.Score([0.0, 1, 5, 6], 1, [0, 0, 1, 1]), 15);
        // scikit-learn 1.2.1 gives 0.797979797979798 on the same input.
        Assert.Equal(0.797979797979798, Silhouette.Score([0.0, 1, 5, 6], 1, [7, 7, -3, -3]), 15);
    }

    [Fact]
    public void A_row_alone_in_its_cluster_counts_zero()
    {
        // 0: a = 1, b = 10, s = 0.9; 1: a = 1, b = 9, s = 8/9; 10 is alone: 0.
        Assert.Equal((0.9 + 8.0 / 9 + 0) / 3, Silhouette.Score([0.0, 1, 10], 1, [0, 0, 1]), 15);
    }

    // scikit-learn 1.2.1: silhouette_score(S, labels), S[i] = (cos(0.9 i)(1 + i mod 4), sin(1.7 i) + i mod 3), i < 40.
    [Theory]
    [InlineData("mod3", 0.0060361127211856274)]
    [InlineData("mul7mod4", -0.14566306641768248)]
    [InlineData("halves", -0.033938295746310194)]
    public void Matches_scikit_learn(string labelling, double expected)
    {
        Assert.Equal(expected, Silhouette.Score(Spiral(), 2, Labels(labelling)), 12);
    }

    [Fact]
    public void Several_labellings_at_once_equal_each_alone()
    {
        var names = new[] { "mod3", "mul7mod4", "halves" };
        var scores = Silhouette.Scores(Spiral(), 2, names.Select(Labels).ToArray());
        for (var i = 0; i < names.Length; i++) Assert.Equal(Silhouette.Score(Spiral(), 2, Labels(names[i])), scores[i], 15);
    }

    [Fact]
    public void A_seeded_sample_is_repeatable_and_close_to_the_exact_score()
    {
        var (data, truth) = Blobs.Around([[0, 0], [3, 0], [0, 3]], perCluster: 1000, spread: 1, seed: 5);
        var exact = Silhouette.Score(data, 2, truth);
        var sampled = Silhouette.Score(data, 2, truth, sampleSize: 1000, seed: 3);

        Assert.Equal(sampled, Silhouette.Score(data, 2, truth, sampleSize: 1000, seed: 3));
        Assert.NotEqual(sampled, Silhouette.Score(data, 2, truth, sampleSize: 1000, seed: 4));
        Assert.InRange(sampled, exact - 0.03, exact + 0.03);
        Assert.Equal(exact, Silhouette.Score(data, 2, truth, sampleSize: 3000, seed: 9));
    }

    [Fact]
    public void Needs_between_two_and_rows_minus_one_clusters()
    {
        var batch = Silhouette.Scores([0.0, 1, 5, 6], 1, [new[] { 0, 0, 1, 1 }, new[] { 3, 3, 3, 3 }, new[] { 0, 1, 2, 3 }]);
        Assert.Equal(0.797979797979798, batch[0], 15);
        Assert.True(double.IsNaN(batch[1]) && double.IsNaN(batch[2]), "one cluster, or every row alone, has no silhouette");
        Assert.Contains("2 to 3 clusters", Assert.Throws<ArgumentException>(() => Silhouette.Score([0.0, 1, 2, 3], 1, [0, 0, 0, 0])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Silhouette.Score([0.0, 1, 2, 3], 1, [0, 1, 2, 3]));
        Assert.Throws<ArgumentException>(() => Silhouette.Score([0.0, 1, 2, 3], 1, [0, 1, 1]));
    }

    static double[] Spiral() => Enumerable.Range(0, 40).SelectMany(i => new[] { Math.Cos(i * 0.9) * (1 + i % 4), Math.Sin(i * 1.7) + i % 3 }).ToArray();

    static int[] Labels(string name) => Enumerable.Range(0, 40).Select(i => name switch
    {
        "mod3" => i % 3,
        "mul7mod4" => i * 7 % 4,
        _ => i < 20 ? 0 : 1,
    }).ToArray();
}
