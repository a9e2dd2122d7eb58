using ShopLens.Learning.Evaluation;

namespace ShopLens.Learning.Tests.Evaluation;

/// <summary>The radix sorts against the comparison sorts they replace, on every length 0..256 and an odd large one.</summary>
public sealed class RadixSortTests
{
    public static TheoryData<int> Lengths()
    {
        var lengths = new TheoryData<int>();
        for (var n = 0; n <= 256; n++) lengths.Add(n);
        lengths.Add(100_003);
        return lengths;
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Ascending_matches_the_comparison_sort(int n)
    {
        var values = Awkward(n, seed: n);
        var expected = (double[])values.Clone();
        RadixSort.NaiveAscending(expected);
        RadixSort.Ascending(values);
        Assert.Equal(expected, values);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Descending_order_matches_the_stable_comparison_sort(int n)
    {
        var values = Awkward(n, seed: n + 1000);
        Assert.Equal(RadixSort.NaiveDescendingOrder(values), RadixSort.DescendingOrder(values));
    }

    [Fact]
    public void Minus_zero_ties_with_zero()
    {
        Assert.Equal([2, 0, 1, 3], RadixSort.DescendingOrder([0.0, -0.0, 1.0, -1.0]));
    }

    /// <summary>Doubles of every sign and size with many ties: ±0, ±∞, subnormals, the extremes and repeated values.</summary>
    static double[] Awkward(int n, int seed)
    {
        double[] special = [0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -double.Epsilon,
            double.MaxValue, double.MinValue, 1.0, -1.0, 0.5];
        var rng = new Random(seed);
        var values = new double[n];
        for (var i = 0; i < n; i++)
            values[i] = rng.Next(4) switch
            {
                0 => special[rng.Next(special.Length)],
                1 => Math.Round(rng.NextDouble(), 2),
                2 => (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-300, 300)),
                _ => rng.NextDouble(),
            };
        return values;
    }
}
