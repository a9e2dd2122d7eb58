using ShopLens.Learning.Linear;

namespace ShopLens.Learning.Text;

/// <summary>
/// Logistic regression on sparse rows (TF-IDF of texts), fitted as scikit-learn's LogisticRegression(C) is — L2 on the
/// weights, none on the bias, L-BFGS to ‖∇‖∞ ≤ 1e-4 — so it can be checked against it. Only columns some training row
/// has get a weight; the rest weigh 0.
/// </summary>
public sealed class SparseLogisticRegression
{
    readonly float[] _weights;

    SparseLogisticRegression(float[] weights, double bias) => (_weights, Bias) = (weights, bias);

    public double Bias { get; }

    /// <summary>The weight of each of the rows' <see cref="SparseRows.Width"/> columns.</summary>
    public ReadOnlySpan<float> Weights => _weights;

    /// <exception cref="LearnerInputException">labels of another length, or of one class only</exception>
    public static SparseLogisticRegression Fit(SparseRows rows, bool[] labels, double c = 1, int maxIterations = 1000, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != rows.Rows) throw new LearnerInputException($"{labels.Length} labels for {rows.Rows} rows");
        if (labels.All(l => l) || !labels.Any(l => l)) throw new LearnerInputException("logistic regression needs rows of both classes");
        if (!(c > 0)) throw new ArgumentOutOfRangeException(nameof(c), c, "C must be > 0");
        var dense = new Dictionary<int, int>();
        var columns = new int[rows.Rows][];
        var values = new float[rows.Rows][];
        for (var r = 0; r < rows.Rows; r++)
        {
            var cols = rows.ColumnsOf(r);
            columns[r] = new int[cols.Length];
            for (var k = 0; k < cols.Length; k++)
            {
                if (!dense.TryGetValue(cols[k], out var j)) dense[cols[k]] = j = dense.Count;
                columns[r][k] = j;
            }
            values[r] = rows.ValuesOf(r).ToArray();
        }
        var x = new double[dense.Count + 1];
        Lbfgs.Minimize(new SparseLogisticObjective(columns, values, labels, c, dense.Count), x, maxIterations, 1e-4, ct);
        var weights = new float[rows.Width];
        foreach (var (column, j) in dense) weights[column] = (float)x[j];
        return new SparseLogisticRegression(weights, x[^1]);
    }

    /// <summary>P(label) for each row.</summary>
    public double[] Probabilities(SparseRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Width != _weights.Length) throw new ArgumentException($"rows of {rows.Width} columns for a model of {_weights.Length}");
        var p = new double[rows.Rows];
        for (var r = 0; r < rows.Rows; r++)
        {
            var z = Bias;
            var cols = rows.ColumnsOf(r);
            var vals = rows.ValuesOf(r);
            for (var k = 0; k < cols.Length; k++) z += _weights[cols[k]] * vals[k];
            p[r] = 1 / (1 + Math.Exp(-z));
        }
        return p;
    }
}
