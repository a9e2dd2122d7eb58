using ShopLens.Learning.Supervised;

namespace ShopLens.Learning.Tests.Contract;

/// <summary>Shared data of the learner contract: a deterministic binary problem with columns of mixed kinds and scales.</summary>
static class ContractData
{
    public const int Columns = 8;

    /// <summary>
    /// <paramref name="rows"/> × 8 features (Gaussian, uniform, a 0/1 flag, a skewed count, a large-scale amount, …) and
    /// labels drawn from a logistic model of four of them, so roughly a third are 1; the same for the same seed.
    /// </summary>
    public static LabeledRows Binary(int rows = 3000, int seed = 11)
    {
        var rng = new Random(seed);
        var x = new float[rows * Columns];
        var y = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            var row = x.AsSpan(i * Columns, Columns);
            row[0] = (float)Normal(rng);
            row[1] = (float)rng.NextDouble();
            row[2] = rng.Next(2);
            row[3] = (float)Math.Floor(-3 * Math.Log(1 - rng.NextDouble()));
            row[4] = (float)(250 + 80 * Normal(rng));
            row[5] = (float)Normal(rng);
            row[6] = (float)(0.5 * row[0] + 0.5 * Normal(rng));
            row[7] = (float)(rng.NextDouble() * 10 - 5);
            var z = -1.2 + 1.1 * row[0] - 0.8 * row[2] + 0.25 * row[3] + 0.004 * (row[4] - 250);
            y[i] = rng.NextDouble() < 1 / (1 + Math.Exp(-z)) ? 1f : 0f;
        }
        return new LabeledRows(x, Columns, y);
    }

    /// <summary>A copy of <paramref name="data"/> with about one value in <paramref name="every"/> set to NaN (missing).</summary>
    public static LabeledRows WithMissing(LabeledRows data, int every = 7)
    {
        var x = (float[])data.Features.Clone();
        for (var i = 3; i < x.Length; i += every) x[i] = float.NaN;
        return data with { Features = x };
    }

    static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
