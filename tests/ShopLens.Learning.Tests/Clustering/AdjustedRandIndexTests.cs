using ShopLens.Learning.Clustering;

namespace ShopLens.Learning.Tests.Clustering;

/// <summary>The adjusted Rand index against scikit-learn's <c>adjusted_rand_score</c> (1.2.1) on fixed labels.</summary>
[Trait("Issue", "3")]
public sealed class AdjustedRandIndexTests
{
    [Theory]
    [InlineData(new[] { 0, 0, 1, 1 }, new[] { 0, 0, 1, 1 }, 1.0)]
    [InlineData(new[] { 0, 0, 1, 1 }, new[] { 1, 1, 0, 0 }, 1.0)]
    [InlineData(new[] { 0, 0, 1, 2 }, new[] { 0, 0, 1, 1 }, 0.5714285714285714)]
    [InlineData(new[] { 0, 0, 0, 0 }, new[] { 0, 1, 2, 3 }, 0.0)]
    [InlineData(new[] { 0, 0, 1, 1 }, new[] { 0, 1, 0, 1 }, -0.5)]
    [InlineData(new[] { 0, 0, 0, 1, 1, 1 }, new[] { 0, 0, 1, 1, 2, 2 }, 0.24242424242424243)]
    [InlineData(new[] { 5, 5, 5 }, new[] { 9, 9, 9 }, 1.0)]
    public void Matches_scikit_learn(int[] truth, int[] predicted, double expected)
    {
        Assert.Equal(expected, AdjustedRandIndex.Score(truth, predicted), 15);
        Assert.Equal(expected, AdjustedRandIndex.Score(predicted, truth), 15);
    }

    [Fact]
    public void Matches_scikit_learn_on_a_hundred_unrelated_labels()
    {
        // a[i] = (i² + 3) mod 5, b[i] = (7i + ⌊i/3⌋) mod 4.
        var a = Enumerable.Range(0, 100).Select(i => (i * i + 3) % 5).ToArray();
        var b = Enumerable.Range(0, 100).Select(i => (i * 7 + i / 3) % 4).ToArray();
        Assert.Equal(-0.020060775953452216, AdjustedRandIndex.Score(a, b), 15);
    }

    [Fact]
    public void Label_values_do_not_matter_and_lengths_must_agree()
    {
        var a = Enumerable.Range(0, 1000).Select(i => i * 31 % 7).ToArray();
        var b = Enumerable.Range(0, 1000).Select(i => (i * 17 + i / 10) % 5).ToArray();
        Assert.Equal(AdjustedRandIndex.Score(a, b), AdjustedRandIndex.Score(a.Select(v => 100 - 3 * v).ToArray(), b.Select(v => v * v + 1).ToArray()), 15);
        Assert.Throws<ArgumentException>(() => AdjustedRandIndex.Score([0, 1], [0]));
    }
}
