namespace ShopLens.Learning.Linear;

/// <summary>Why <see cref="Lbfgs"/> stopped.</summary>
enum LbfgsStop
{
    /// <summary>Every gradient component is within the tolerance.</summary>
    Gradient,

    /// <summary>An iteration lowered the objective by no more than rounding.</summary>
    NoProgress,

    /// <summary>Not even a steepest-descent step lowered the objective.</summary>
    LineSearch,

    /// <summary>The iteration budget ran out.</summary>
    MaxIterations,
}

/// <summary>What an L-BFGS run ended with: the objective at the final point, iterations, evaluations and why it stopped.</summary>
readonly record struct LbfgsResult(double Value, int Iterations, int Evaluations, LbfgsStop Stop);

/// <summary>
/// Limited-memory BFGS (Nocedal and Wright 2006, Numerical Optimization, 2nd ed.: Algorithm 7.5, the two-loop recursion
/// of Algorithm 7.4, the initial matrix γₖI of eq. 7.20) with the last <see cref="Memory"/> pairs and a strong-Wolfe
/// line search (<see cref="WolfeLineSearch"/>), generic over any <see cref="IObjective"/>. Stopping follows SciPy's
/// L-BFGS-B, which scikit-learn calls: ‖∇f‖∞ ≤ the gradient tolerance (its <c>pgtol</c>, without bounds), or a relative
/// decrease (fₖ − fₖ₊₁) / max(|fₖ|, |fₖ₊₁|, 1) ≤ 10 ε (its <c>factr</c> at 10, "extremely high accuracy"), or no step
/// lowering f even along −∇f.
/// </summary>
static class Lbfgs
{
    public const int Memory = 10;

    static readonly double NoProgress = 10 * (Math.BitIncrement(1.0) - 1.0);

    /// <summary>Minimises <paramref name="f"/> from <paramref name="x"/>, which ends at the final point.</summary>
    public static LbfgsResult Minimize<TObjective>(TObjective f, Span<double> x, int maxIterations, double gradientTolerance, CancellationToken ct)
        where TObjective : IObjective
    {
        var n = x.Length;
        if (n != f.Dimension) throw new ArgumentException($"a start of {n} values for a function of {f.Dimension}");
        var history = new History(n);
        var search = new WolfeLineSearch(n);
        var gradient = new double[n];
        var direction = new double[n];
        var previousGradient = new double[n];
        var previousX = new double[n];
        var value = f.Evaluate(x, gradient);
        var iterations = 0;
        var stop = LbfgsStop.MaxIterations;
        while (true)
        {
            if (MaxAbs(gradient) <= gradientTolerance) { stop = LbfgsStop.Gradient; break; }
            if (iterations == maxIterations) break;
            ct.ThrowIfCancellationRequested();
            var previousValue = value;
            x.CopyTo(previousX);
            gradient.CopyTo(previousGradient, 0);
            var moved = history.Count > 0 && history.Direction(gradient, direction) && search.Search(f, x, ref value, gradient, direction, 1.0);
            if (!moved)
            {
                // As L-BFGS-B: when the quasi-Newton step fails, forget the pairs and try steepest descent once.
                history.Clear();
                for (var j = 0; j < n; j++) direction[j] = -gradient[j];
                if (!search.Search(f, x, ref value, gradient, direction, 1.0 / Math.Sqrt(Dot(gradient, gradient)))) { stop = LbfgsStop.LineSearch; break; }
            }
            iterations++;
            history.Add(x, previousX, gradient, previousGradient);
            if (previousValue - value <= NoProgress * Math.Max(Math.Max(Math.Abs(previousValue), Math.Abs(value)), 1))
            {
                stop = LbfgsStop.NoProgress;
                break;
            }
        }
        return new LbfgsResult(value, iterations, search.Evaluations + 1, stop);
    }

    static double MaxAbs(ReadOnlySpan<double> v)
    {
        var max = 0.0;
        foreach (var t in v) max = Math.Max(max, Math.Abs(t));
        return max;
    }

    internal static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var j = 0; j < a.Length; j++) sum += a[j] * b[j];
        return sum;
    }

    /// <summary>The last <see cref="Memory"/> pairs sₖ = xₖ₊₁ − xₖ, yₖ = ∇fₖ₊₁ − ∇fₖ, oldest overwritten first.</summary>
    sealed class History(int n)
    {
        readonly double[][] _s = [.. Enumerable.Range(0, Memory).Select(_ => new double[n])];
        readonly double[][] _y = [.. Enumerable.Range(0, Memory).Select(_ => new double[n])];
        readonly double[] _rho = new double[Memory], _alpha = new double[Memory];
        int _newest = -1;

        public int Count { get; private set; }

        public void Clear() => (Count, _newest) = (0, -1);

        /// <summary>Keeps the pair only when sᵀy is safely positive, so the implied matrix stays positive definite (N&amp;W §7.2).</summary>
        public void Add(ReadOnlySpan<double> x, ReadOnlySpan<double> previousX, ReadOnlySpan<double> g, ReadOnlySpan<double> previousG)
        {
            double sy = 0, yy = 0;
            for (var j = 0; j < x.Length; j++)
            {
                var yj = g[j] - previousG[j];
                sy += (x[j] - previousX[j]) * yj;
                yy += yj * yj;
            }
            if (!(sy > (Math.BitIncrement(1.0) - 1.0) * yy)) return;
            var slot = (_newest + 1) % Memory;
            for (var j = 0; j < x.Length; j++) (_s[slot][j], _y[slot][j]) = (x[j] - previousX[j], g[j] - previousG[j]);
            _rho[slot] = 1 / sy;
            _newest = slot;
            Count = Math.Min(Count + 1, Memory);
        }

        /// <summary>Algorithm 7.4: direction = −Hₖ ∇fₖ; false when it is not a descent direction.</summary>
        public bool Direction(ReadOnlySpan<double> gradient, Span<double> direction)
        {
            var q = direction;
            gradient.CopyTo(q);
            for (var i = 0; i < Count; i++)
            {
                var k = (_newest - i + Memory) % Memory;
                _alpha[k] = _rho[k] * Dot(_s[k], q);
                Axpy(-_alpha[k], _y[k], q);
            }
            // Eq. 7.20: γₖ = sᵀy / yᵀy of the newest pair scales the initial matrix.
            var gamma = 1 / (_rho[_newest] * Dot(_y[_newest], _y[_newest]));
            for (var j = 0; j < q.Length; j++) q[j] *= gamma;
            for (var i = Count - 1; i >= 0; i--)
            {
                var k = (_newest - i + Memory) % Memory;
                var beta = _rho[k] * Dot(_y[k], q);
                Axpy(_alpha[k] - beta, _s[k], q);
            }
            for (var j = 0; j < q.Length; j++) q[j] = -q[j];
            return Dot(direction, gradient) < 0;
        }

        static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
        {
            for (var j = 0; j < y.Length; j++) y[j] += a * x[j];
        }
    }
}
