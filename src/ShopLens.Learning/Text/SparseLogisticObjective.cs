using ShopLens.Learning.Linear;

namespace ShopLens.Learning.Text;

/// <summary>
/// scikit-learn's L2 logistic regression on sparse rows: ½‖w‖² + C Σᵢ log(1 + exp(−yᵢ(w·xᵢ + b))), yᵢ ∈ {−1, 1},
/// the bias b unpenalised; variables are the rows' columns renumbered densely (<paramref name="columns"/>), then b.
/// </summary>
sealed class SparseLogisticObjective(int[][] columns, float[][] values, bool[] labels, double c, int dimension) : IObjective
{
    public int Dimension => dimension + 1;

    public double Evaluate(ReadOnlySpan<double> point, Span<double> gradient)
    {
        var bias = point[dimension];
        var loss = 0.0;
        for (var j = 0; j < dimension; j++)
        {
            gradient[j] = point[j];
            loss += 0.5 * point[j] * point[j];
        }
        gradient[dimension] = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var z = bias;
            var (cols, vals) = (columns[i], values[i]);
            for (var k = 0; k < cols.Length; k++) z += point[cols[k]] * vals[k];
            var y = labels[i] ? 1.0 : -1.0;
            var margin = y * z;
            // log(1 + e^−m) without overflow either way.
            loss += c * (margin > 0 ? double.LogP1(Math.Exp(-margin)) : -margin + double.LogP1(Math.Exp(margin)));
            // d/dz = −y σ(−m)
            var slope = -y * c / (1 + Math.Exp(margin));
            for (var k = 0; k < cols.Length; k++) gradient[cols[k]] += slope * vals[k];
            gradient[dimension] += slope;
        }
        return loss;
    }
}
