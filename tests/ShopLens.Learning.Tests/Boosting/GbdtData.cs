using ShopLens.Learning.Supervised;

namespace ShopLens.Learning.Tests.Boosting;

/// <summary>Deterministic synthetic sets for the boosted-trees tests.</summary>
static class GbdtData
{
    /// <summary>Rows of <paramref name="columns"/> uniform values; the label is 1 when the first two sum above 1 (separable).</summary>
    public static LabeledRows Separable(int rows, int columns, int seed)
    {
        var rng = new Random(seed);
        var x = new float[rows * columns];
        var y = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++) x[i * columns + j] = (float)rng.NextDouble();
            y[i] = x[i * columns] + x[i * columns + 1] > 1 ? 1 : 0;
        }
        return new LabeledRows(x, columns, y);
    }

    /// <summary>Noisy binary labels from a logistic model of the first three of <paramref name="columns"/> columns.</summary>
    public static LabeledRows Noisy(int rows, int columns, int seed)
    {
        var rng = new Random(seed);
        var x = new float[rows * columns];
        var y = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++) x[i * columns + j] = (float)(rng.NextDouble() * 2 - 1);
            var logit = 2 * x[i * columns] - 1.5 * x[i * columns + 1] + x[i * columns + 2] * x[i * columns + 2];
            y[i] = rng.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? 1 : 0;
        }
        return new LabeledRows(x, columns, y);
    }
}
