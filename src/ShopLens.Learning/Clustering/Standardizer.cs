using System.Collections.ObjectModel;

namespace ShopLens.Learning.Clustering;

/// <summary>
/// Standardisation of columns to mean 0 and variance 1, as scikit-learn's <c>StandardScaler</c>: the population
/// standard deviation (divided by n), and a constant column is only centred (its scale is 1).
/// </summary>
public sealed class Standardizer
{
    static readonly double MachineEpsilon = Math.BitIncrement(1.0) - 1.0;

    readonly double[] _means, _scales;

    Standardizer(double[] means, double[] scales)
    {
        (_means, _scales) = (means, scales);
        Means = Array.AsReadOnly(means);
        Scales = Array.AsReadOnly(scales);
    }

    public ReadOnlyCollection<double> Means { get; }

    /// <summary>Each column's standard deviation, or 1 for a constant column.</summary>
    public ReadOnlyCollection<double> Scales { get; }

    public int Columns => _means.Length;

    /// <summary>Learns each column's mean and scale from <paramref name="data"/> (row-major, <paramref name="columns"/> wide, finite values).</summary>
    public static Standardizer Fit(double[] data, int columns)
    {
        var x = Points.Checked(data, columns, nameof(data));
        var means = new double[columns];
        var scales = new double[columns];
        for (var j = 0; j < columns; j++)
        {
            var sum = 0.0;
            for (var i = 0; i < x.Rows; i++) sum += data[i * columns + j];
            var mean = sum / x.Rows;
            // Two passes with the rounding correction of the first (Chan, Golub and LeVeque 1983), as scikit-learn.
            double squares = 0.0, correction = 0.0;
            for (var i = 0; i < x.Rows; i++)
            {
                var t = data[i * columns + j] - mean;
                squares += t * t;
                correction += t;
            }
            var variance = Math.Max(0, (squares - correction * correction / x.Rows) / x.Rows);
            means[j] = mean;
            // scikit-learn's _is_constant_feature: a variance within rounding noise of zero is zero.
            var n = (double)x.Rows;
            var constant = variance <= n * MachineEpsilon * variance + Math.Pow(n * mean * MachineEpsilon, 2);
            scales[j] = constant ? 1 : Math.Sqrt(variance);
        }
        return new Standardizer(means, scales);
    }

    /// <summary>The standardised copy of <paramref name="data"/>.</summary>
    public double[] Transform(double[] data)
    {
        var x = Points.Checked(data, Columns, nameof(data));
        var z = new double[data.Length];
        for (var i = 0; i < x.Rows; i++)
        for (var j = 0; j < Columns; j++)
            z[i * Columns + j] = (data[i * Columns + j] - _means[j]) / _scales[j];
        return z;
    }

    /// <summary>A standardised value of <paramref name="column"/> back in the column's units.</summary>
    public double Inverse(int column, double z) => z * _scales[column] + _means[column];
}
