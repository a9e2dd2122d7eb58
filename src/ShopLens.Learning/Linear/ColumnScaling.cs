namespace ShopLens.Learning.Linear;

/// <summary>
/// Per-column centre and inverse scale of a linear model's inputs: the model sees (x − centre) · inverseScale.
/// Standardised, they are the training rows' mean and 1 / (population) standard deviation as scikit-learn's
/// <c>StandardScaler</c>, and 0 for a zero-variance column, whose values then count as 0 whatever they are.
/// </summary>
readonly record struct ColumnScaling(double[] Centre, double[] InverseScale)
{
    static readonly double MachineEpsilon = Math.BitIncrement(1.0) - 1.0;

    public int Columns => Centre.Length;

    /// <summary>Centre 0 and scale 1: the raw features.</summary>
    public static ColumnScaling Identity(int columns)
    {
        var ones = new double[columns];
        Array.Fill(ones, 1.0);
        return new ColumnScaling(new double[columns], ones);
    }

    /// <summary>The mean and inverse standard deviation of each column of <paramref name="x"/> (row-major, finite).</summary>
    public static ColumnScaling Standardizing(float[] x, int columns)
    {
        var rows = x.Length / columns;
        var means = new double[columns];
        for (var i = 0; i < rows; i++)
        for (var j = 0; j < columns; j++)
            means[j] += x[i * columns + j];
        for (var j = 0; j < columns; j++) means[j] /= rows;
        // Two passes with the rounding correction of the first (Chan, Golub and LeVeque 1983), as scikit-learn.
        var squares = new double[columns];
        var corrections = new double[columns];
        for (var i = 0; i < rows; i++)
        for (var j = 0; j < columns; j++)
        {
            var t = x[i * columns + j] - means[j];
            squares[j] += t * t;
            corrections[j] += t;
        }
        var inverse = new double[columns];
        for (var j = 0; j < columns; j++)
        {
            var variance = Math.Max(0, (squares[j] - corrections[j] * corrections[j] / rows) / rows);
            // scikit-learn's _is_constant_feature: a variance within rounding noise of zero is zero.
            var constant = variance <= rows * MachineEpsilon * variance + Math.Pow(rows * means[j] * MachineEpsilon, 2);
            inverse[j] = constant ? 0 : 1 / Math.Sqrt(variance);
        }
        return new ColumnScaling(means, inverse);
    }
}
