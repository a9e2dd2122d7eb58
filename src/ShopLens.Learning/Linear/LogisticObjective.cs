using ShopLens.Learning.Clustering;

namespace ShopLens.Learning.Linear;

/// <summary>
/// scikit-learn's penalised logistic loss over the training rows, as an <see cref="IObjective"/> for <see cref="Lbfgs"/>:
/// θ = (β₀, …, β_{D−1}, b) on the scale of <see cref="ColumnScaling"/>, and
/// f(θ) = Σᵢ wᵢ [log(1 + e^zᵢ) − yᵢ zᵢ] + ½ λ ‖β‖²,  zᵢ = b + Σⱼ βⱼ sⱼ (xᵢⱼ − mⱼ)  (sⱼ the inverse scale).
/// The rows are cut into <see cref="RowChunks"/>, each chunk's loss and gradient summed on its own and the chunks added
/// in order, so f and ∇f are the same bits on any number of threads.
/// </summary>
sealed class LogisticObjective : IObjective
{
    readonly float[] _x;
    readonly float[] _y;
    readonly double[]? _w;
    readonly ColumnScaling _scaling;
    readonly double _l2;
    readonly int _rows, _columns, _threads;
    readonly CancellationToken _ct;
    readonly double[] _scores;
    readonly double[] _partials;
    readonly double[] _u;
    readonly Action<int, int, int> _chunk;
    double _bias;

    /// <summary>
    /// The objective over features <paramref name="x"/> (row-major, <c>rows × scaling.Columns</c>, finite), labels
    /// <paramref name="y"/> (0 or 1) and row weights <paramref name="w"/> (null for 1), with penalty λ = <paramref name="l2"/>.
    /// </summary>
    public LogisticObjective(float[] x, float[] y, double[]? w, ColumnScaling scaling, double l2, int threads, CancellationToken ct)
    {
        (_y, _w, _scaling, _l2, _threads, _ct) = (y, w, scaling, l2, threads, ct);
        _columns = scaling.Columns;
        _rows = x.Length / _columns;
        _x = LogisticLoss.ChunkColumns(x, _columns, threads, ct);
        _scores = new double[_rows];
        _partials = new double[RowChunks.Count(_rows) * Stride];
        _u = new double[_columns];
        _chunk = EvaluateChunk;
    }

    public int Dimension => _columns + 1;

    // Per chunk: the D gradient sums, the intercept's gradient, the loss.
    int Stride => _columns + 2;

    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        for (var j = 0; j < _columns; j++) _u[j] = theta[j] * _scaling.InverseScale[j];
        _bias = theta[_columns];
        RowChunks.For(_rows, _threads, _ct, _chunk);
        gradient.Clear();
        var loss = 0.0;
        for (var c = 0; c < _partials.Length; c += Stride)
        {
            for (var j = 0; j <= _columns; j++) gradient[j] += _partials[c + j];
            loss += _partials[c + _columns + 1];
        }
        var penalty = 0.0;
        for (var j = 0; j < _columns; j++)
        {
            gradient[j] = gradient[j] * _scaling.InverseScale[j] + _l2 * theta[j];
            penalty += theta[j] * theta[j];
        }
        return loss + 0.5 * _l2 * penalty;
    }

    void EvaluateChunk(int chunk, int start, int end)
    {
        var x = _x.AsSpan(chunk * _columns * LogisticLoss.ColumnStride, _columns * LogisticLoss.ColumnStride);
        var z = _scores.AsSpan(start, end - start);
        var partial = _partials.AsSpan(chunk * Stride, Stride);
        partial.Clear();
        LogisticLoss.Forward(x, LogisticLoss.ColumnStride, _scaling.Centre, _u, _bias, z);
        partial[_columns + 1] = LogisticLoss.Loss(z, _y.AsSpan(start, end - start), _w is null ? default : _w.AsSpan(start, end - start));
        partial[_columns] = LogisticLoss.Backward(x, LogisticLoss.ColumnStride, _scaling.Centre, z, partial[.._columns]);
    }
}
