namespace ShopLens.Learning.Text;

/// <summary>
/// L2-regularised logistic regression on sparse rows (TF-IDF of texts): ½‖w‖² + C Σᵢ log(1 + exp(−yᵢ w·xᵢ)), yᵢ ∈ {−1, 1},
/// the bias a column of constant 1 weighed like any other — LIBLINEAR's L2R_LR_DUAL, which scikit-learn runs as
/// LogisticRegression(solver="liblinear", dual=True). It is solved in the dual by coordinate descent (Yu, Huang &amp; Lin
/// 2011, "Dual coordinate descent methods for logistic regression and maximum entropy models", Algorithm 5): each pass
/// touches every stored value once, so a fit costs a few dozen passes over the rows rather than hundreds of gradient
/// evaluations over every column — the solver of choice for text, where columns outnumber rows.
/// </summary>
public sealed class SparseLogisticRegression
{
    readonly float[] _weights;

    SparseLogisticRegression(float[] weights, double bias, int passes) => (_weights, Bias, Passes) = (weights, bias, passes);

    public double Bias { get; }

    /// <summary>The weight of each of the rows' <see cref="SparseRows.Width"/> columns.</summary>
    public ReadOnlySpan<float> Weights => _weights;

    /// <summary>Passes over the rows the fit took.</summary>
    public int Passes { get; }

    /// <summary>A model of known weights (a saved one).</summary>
    public static SparseLogisticRegression Of(float[] weights, double bias)
    {
        ArgumentNullException.ThrowIfNull(weights);
        return new SparseLogisticRegression(weights, bias, 0);
    }

    /// <summary>
    /// Fits to <paramref name="labels"/> with inverse regularisation strength <paramref name="c"/>, stopping when every dual
    /// coordinate's gradient is within <paramref name="tolerance"/> (LIBLINEAR's eps) or after <paramref name="maxPasses"/>;
    /// each pass visits the rows in an order shuffled from <paramref name="seed"/>.
    /// </summary>
    /// <exception cref="LearnerInputException">labels of another length, or of one class only</exception>
    public static SparseLogisticRegression Fit(SparseRows rows, bool[] labels, double c = 1, double tolerance = 0.01, int maxPasses = 1000, int seed = 0,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != rows.Rows) throw new LearnerInputException($"{labels.Length} labels for {rows.Rows} rows");
        if (labels.All(l => l) || !labels.Any(l => l)) throw new LearnerInputException("logistic regression needs rows of both classes");
        if (!(c > 0) || double.IsInfinity(c)) throw new ArgumentOutOfRangeException(nameof(c), c, "C must be a positive number");
        if (!(tolerance > 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "the tolerance must be > 0");

        var n = rows.Rows;
        var w = new double[rows.Width];
        var bias = 0.0;
        // αᵢ and C − αᵢ are both kept, since the sub-problem is solved for whichever is smaller (accurate near 0).
        var alpha = new double[n];
        var rest = new double[n];
        var squares = new double[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            alpha[i] = Math.Min(0.001 * c, 1e-8);
            rest[i] = c - alpha[i];
            var y = labels[i] ? 1.0 : -1.0;
            var cols = rows.ColumnsOf(i);
            var vals = rows.ValuesOf(i);
            var square = 1.0; // the bias column
            for (var k = 0; k < cols.Length; k++)
            {
                square += (double)vals[k] * vals[k];
                w[cols[k]] += y * alpha[i] * vals[k];
            }
            bias += y * alpha[i];
            squares[i] = square;
            order[i] = i;
        }

        var random = new Random(seed);
        const int maxNewtonSteps = 100;
        var innerTolerance = 1e-2;
        var minInnerTolerance = Math.Min(1e-8, tolerance);
        var passes = 0;
        while (passes < maxPasses)
        {
            ct.ThrowIfCancellationRequested();
            random.Shuffle(order);
            var newtonSteps = 0;
            var largest = 0.0;
            foreach (var i in order)
            {
                var y = labels[i] ? 1.0 : -1.0;
                var cols = rows.ColumnsOf(i);
            var vals = rows.ValuesOf(i);
                var margin = bias;
                for (var k = 0; k < cols.Length; k++) margin += w[cols[k]] * vals[k];
                margin *= y;
                var a = squares[i];

                // g(z) = z ln z + (C − z) ln(C − z) + ½a(z − z₀)² + s·margin·(z − z₀), for z = αᵢ (s = 1) or C − αᵢ (s = −1).
                var solveForAlpha = 0.5 * a * (rest[i] - alpha[i]) + margin >= 0;
                var sign = solveForAlpha ? 1.0 : -1.0;
                var old = solveForAlpha ? alpha[i] : rest[i];
                var z = old;
                if (c - z < 0.5 * c) z *= 0.1;
                var slope = a * (z - old) + sign * margin + Math.Log(z / (c - z));
                largest = Math.Max(largest, Math.Abs(slope));
                var steps = 0;
                while (steps <= maxNewtonSteps && Math.Abs(slope) >= innerTolerance)
                {
                    var next = z - slope / (a + c / (c - z) / z);
                    z = next <= 0 ? z * 0.1 : next;
                    slope = a * (z - old) + sign * margin + Math.Log(z / (c - z));
                    steps++;
                }
                newtonSteps += steps;
                if (steps == 0) continue;
                if (solveForAlpha) (alpha[i], rest[i]) = (z, c - z);
                else (rest[i], alpha[i]) = (z, c - z);
                var change = sign * (z - old) * y;
                for (var k = 0; k < cols.Length; k++) w[cols[k]] += change * vals[k];
                bias += change;
            }
            passes++;
            if (largest < tolerance) break;
            if (newtonSteps <= n / 10) innerTolerance = Math.Max(minInnerTolerance, 0.1 * innerTolerance);
        }
        return new SparseLogisticRegression([.. w.Select(v => (float)v)], bias, passes);
    }

    /// <summary>The log-odds w·x + b of row <paramref name="row"/>.</summary>
    public double Score(SparseRows rows, int row)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Width != _weights.Length) throw new ArgumentException($"rows of {rows.Width} columns for a model of {_weights.Length}");
        var z = Bias;
        var cols = rows.ColumnsOf(row);
            var vals = rows.ValuesOf(row);
        for (var k = 0; k < cols.Length; k++) z += _weights[cols[k]] * vals[k];
        return z;
    }

    /// <summary>P(label) for each row.</summary>
    public double[] Probabilities(SparseRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var p = new double[rows.Rows];
        for (var r = 0; r < rows.Rows; r++) p[r] = 1 / (1 + Math.Exp(-Score(rows, r)));
        return p;
    }
}
