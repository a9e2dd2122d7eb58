using ShopLens.Learning.Clustering;

namespace ShopLens.Learning.Tests.Clustering;

/// <summary>The SIMD distance kernel against the plain loop, on every small shape.</summary>
[Trait("Issue", "3")]
public sealed class CentreDistancesTests
{
    [Fact]
    public void Vectorized_equals_naive_for_every_width_and_cluster_count()
    {
        var rng = new Random(11);
        double maxDifference = 0;
        for (var width = 1; width <= 24; width++)
        for (var clusters = 1; clusters <= 40; clusters++)
        {
            var row = Enumerable.Range(0, width).Select(_ => rng.NextDouble() * 10 - 5).ToArray();
            var centres = Enumerable.Range(0, clusters * width).Select(_ => rng.NextDouble() * 10 - 5).ToArray();
            var naive = new double[clusters];
            var fast = new double[CentreDistances.Padded(clusters)];
            CentreDistances.Naive(row, centres, naive);
            CentreDistances.Vectorized(row, CentreDistances.ByColumn(centres, clusters, width), fast);
            for (var c = 0; c < clusters; c++)
            {
                maxDifference = Math.Max(maxDifference, Math.Abs(naive[c] - fast[c]));
                Assert.True(Math.Abs(naive[c] - fast[c]) <= 1e-12 * Math.Max(1, naive[c]),
                    $"width {width}, k {clusters}, centre {c}: naive {naive[c]:R} vectorized {fast[c]:R}");
            }
        }
        Assert.True(maxDifference < 1e-10, $"max difference {maxDifference:E3}");
    }
}
