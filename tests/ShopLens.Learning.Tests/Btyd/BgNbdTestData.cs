using System.Globalization;
using ShopLens.Learning.Btyd;

namespace ShopLens.Learning.Tests.Btyd;

/// <summary>CDNOW's calibration summary (2,357 customers, weeks) and seeded BG/NBD and MBG/NBD simulations.</summary>
static class BgNbdTestData
{
    static readonly Lazy<CustomerHistories> Cdnow = new(() => Read("cdnow/cdnow_customers_summary.csv"));

    public static CustomerHistories CdnowCustomers => Cdnow.Value;

    /// <summary>Reads <c>ID,frequency,recency,T</c> from ../shared/datasets beside the repository; a missing file fails.</summary>
    static CustomerHistories Read(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ShopLens.slnx"))) dir = dir.Parent;
        Assert.True(dir is not null, $"no folder holding ShopLens.slnx above {AppContext.BaseDirectory}");
        var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "datasets", relative));
        Assert.True(File.Exists(path), $"missing data set {path}");
        List<double> x = [], tx = [], t = [];
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            x.Add(double.Parse(f[1], CultureInfo.InvariantCulture));
            tx.Add(double.Parse(f[2], CultureInfo.InvariantCulture));
            t.Add(double.Parse(f[3], CultureInfo.InvariantCulture));
        }
        return new CustomerHistories([.. x], [.. tx], [.. t]);
    }

    /// <summary>
    /// Customers drawn from the model: λ ~ Gamma(r, rate α), p ~ Beta(a, b), Poisson purchases from time 0 and a dropout
    /// chance p after each repeat purchase (and, when <paramref name="modified"/>, at time 0 too), observed for an age
    /// uniform in [ageMin, ageMax].
    /// </summary>
    public static CustomerHistories Simulate(int customers, double r, double alpha, double a, double b, bool modified, double ageMin, double ageMax, int seed)
    {
        var rng = new Random(seed);
        double[] x = new double[customers], tx = new double[customers], t = new double[customers];
        for (var i = 0; i < customers; i++)
        {
            var lambda = Gamma(rng, r) / alpha;
            var ga = Gamma(rng, a);
            var p = ga / (ga + Gamma(rng, b));
            t[i] = ageMin + (ageMax - ageMin) * rng.NextDouble();
            var alive = !(modified && rng.NextDouble() < p);
            var now = 0.0;
            while (alive)
            {
                now += -Math.Log(1 - rng.NextDouble()) / lambda;
                if (now > t[i]) break;
                x[i]++;
                tx[i] = now;
                alive = rng.NextDouble() >= p;
            }
        }
        return new CustomerHistories(x, tx, t);
    }

    /// <summary>Marsaglia &amp; Tsang (2000) Gamma(shape, 1), boosted by U^(1/shape) below shape 1.</summary>
    static double Gamma(Random rng, double shape)
    {
        if (shape < 1) return Gamma(rng, shape + 1) * Math.Pow(1 - rng.NextDouble(), 1 / shape);
        double d = shape - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z, v;
            do
            {
                z = Normal(rng);
                v = 1 + c * z;
            } while (v <= 0);
            v = v * v * v;
            var u = 1 - rng.NextDouble();
            if (Math.Log(u) < 0.5 * z * z + d - d * v + d * Math.Log(v)) return d * v;
        }
    }

    static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
