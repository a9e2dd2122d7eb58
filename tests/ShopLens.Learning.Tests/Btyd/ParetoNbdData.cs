using System.Globalization;
using ShopLens.Learning.Btyd;

namespace ShopLens.Learning.Tests.Btyd;

/// <summary>CDNOW's customer summaries from ../shared/datasets, and Pareto/NBD customers simulated from known parameters.</summary>
static class ParetoNbdData
{
    /// <summary>cdnow_customers_summary.csv (ID, frequency, recency, T; weeks): the 2,357 customers of FHL 2005.</summary>
    public static CustomerHistories Cdnow()
    {
        var rows = Rows("cdnow/cdnow_customers_summary.csv");
        return new CustomerHistories([.. rows.Select(r => r[1])], [.. rows.Select(r => r[2])], [.. rows.Select(r => r[3])]);
    }

    /// <summary>cdnow_customers_summary_with_transactions.csv (ID, x, t_x, T, zbar): x and the mean repeat-purchase value.</summary>
    public static SpendHistories CdnowSpend()
    {
        var rows = Rows("cdnow/cdnow_customers_summary_with_transactions.csv");
        return new SpendHistories([.. rows.Select(r => r[1])], [.. rows.Select(r => r[4])]);
    }

    static List<double[]> Rows(string relative)
    {
        var lines = File.ReadAllLines(SharedDataset(relative));
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())];
    }

    /// <summary>The path of <c>../shared/datasets/RELATIVE</c> beside the repository root; a missing file fails the test.</summary>
    static string SharedDataset(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ShopLens.slnx"))) dir = dir.Parent;
        Assert.True(dir is not null, $"no folder holding ShopLens.slnx above {AppContext.BaseDirectory}");
        var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "datasets", relative));
        Assert.True(File.Exists(path), $"missing shared dataset {path}");
        return path;
    }

    /// <summary>
    /// Customers of the Pareto/NBD itself: λ ~ Gamma(r, α), μ ~ Gamma(s, β), a lifetime ~ Exp(μ), purchases a Poisson
    /// process of rate λ while alive, all observed for <paramref name="age"/>.
    /// </summary>
    public static CustomerHistories Simulate(int customers, double r, double alpha, double s, double beta, double age, int seed)
    {
        var random = new Random(seed);
        double[] x = new double[customers], recency = new double[customers], ages = new double[customers];
        for (var i = 0; i < customers; i++)
        {
            var lambda = Gamma(random, r) / alpha;
            var mu = Gamma(random, s) / beta;
            var end = Math.Min(age, -Math.Log(1 - random.NextDouble()) / mu);
            var t = 0.0;
            while (true)
            {
                t += -Math.Log(1 - random.NextDouble()) / lambda;
                if (t > end) break;
                x[i]++;
                recency[i] = t;
            }
            ages[i] = age;
        }
        return new CustomerHistories(x, recency, ages);
    }

    /// <summary>Gamma(shape, 1) by Marsaglia &amp; Tsang (2000), with their boost U^(1/shape) for shape &lt; 1.</summary>
    public static double Gamma(Random random, double shape)
    {
        if (shape < 1) return Gamma(random, shape + 1) * Math.Pow(random.NextDouble(), 1 / shape);
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z, v;
            do
            {
                z = Normal(random);
                v = 1 + c * z;
            } while (v <= 0);
            v = v * v * v;
            var u = random.NextDouble();
            if (Math.Log(u) < 0.5 * z * z + d - d * v + d * Math.Log(v)) return d * v;
        }
    }

    static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
