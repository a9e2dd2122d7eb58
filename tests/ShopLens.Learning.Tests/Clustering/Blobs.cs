namespace ShopLens.Learning.Tests.Clustering;

/// <summary>Test data: Gaussian blobs around given centres, and the fixed arrays the scikit-learn reference values were computed on.</summary>
static class Blobs
{
    /// <summary>perCluster rows around each centre (k × d), with standard deviation spread; rows in random order, with their true cluster.</summary>
    public static (double[] Data, int[] Truth) Around(double[][] centres, int perCluster, double spread, int seed)
    {
        var rng = new Random(seed);
        var d = centres[0].Length;
        var order = Enumerable.Range(0, centres.Length * perCluster).OrderBy(_ => rng.Next()).ToArray();
        var data = new double[order.Length * d];
        var truth = new int[order.Length];
        for (var r = 0; r < order.Length; r++)
        {
            var c = order[r] / perCluster;
            truth[r] = c;
            for (var j = 0; j < d; j++) data[r * d + j] = centres[c][j] + spread * Normal(rng);
        }
        return (data, truth);
    }

    /// <summary>Uniform random rows in [0, 1)^d.</summary>
    public static double[] Uniform(int rows, int width, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, rows * width).Select(_ => rng.NextDouble()).ToArray();
    }

    /// <summary>
    /// The 60 × 3 array of the scikit-learn k-means references: x[i, j] = sin(0.7 i + 1.3 j) (1 + i mod 5) + 2 (i mod 3)
    /// (Python: <c>np.array([[np.sin(0.7*i + 1.3*j) * (1 + (i % 5)) + (i % 3) * 2.0 for j in range(3)] for i in range(60)])</c>).
    /// </summary>
    public static double[] Waves()
    {
        var x = new double[60 * 3];
        for (var i = 0; i < 60; i++)
        for (var j = 0; j < 3; j++)
            x[i * 3 + j] = Math.Sin(0.7 * i + 1.3 * j) * (1 + i % 5) + i % 3 * 2.0;
        return x;
    }

    static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
