namespace ShopLens.Learning.Linear;

/// <summary>
/// A line search for the strong Wolfe conditions (Nocedal and Wright 2006, Numerical Optimization, 2nd ed., Algorithm
/// 3.5 with zoom, Algorithm 3.6, and cubic interpolation, eq. 3.59): a step with sufficient decrease
/// φ(α) ≤ φ(0) + c₁ α φ'(0) and small slope |φ'(α)| ≤ c₂ |φ'(0)|, where φ(α) = f(x + α d). Every evaluation gives
/// the value and the gradient together, so the slope of each trial comes free.
/// </summary>
sealed class WolfeLineSearch(int dimension)
{
    // N&W §3.1: c₁ = 1e-4, and c₂ = 0.9 for quasi-Newton directions.
    const double SufficientDecrease = 1e-4;
    const double Curvature = 0.9;
    const int MaxTrials = 40;

    readonly double[] _start = new double[dimension];
    readonly double[] _trialGradient = new double[dimension];
    readonly double[] _lowGradient = new double[dimension];

    /// <summary>Evaluations of the objective so far, over every search.</summary>
    public int Evaluations { get; private set; }

    /// <summary>
    /// Moves <paramref name="x"/> along <paramref name="direction"/> (a descent direction) from a first trial step,
    /// updating <paramref name="value"/> and <paramref name="gradient"/>. When no trial satisfies the conditions
    /// within the budget, the lowest point with sufficient decrease is taken; false (and x unchanged) when there is none.
    /// </summary>
    public bool Search<TObjective>(TObjective f, Span<double> x, ref double value, Span<double> gradient, ReadOnlySpan<double> direction, double step)
        where TObjective : IObjective
    {
        var slope0 = Lbfgs.Dot(gradient, direction);
        if (!(slope0 < 0)) return false;
        x.CopyTo(_start);
        gradient.CopyTo(_lowGradient);
        var low = new Trial(0, value, slope0);
        var value0 = value;
        for (var i = 0; i < MaxTrials; i++)
        {
            var t = Evaluate(f, x, direction, step);
            if (!(t.Value <= value0 + SufficientDecrease * step * slope0) || (i > 0 && t.Value >= low.Value))
                return Zoom(f, x, ref value, gradient, direction, value0, slope0, low, high: t, MaxTrials - i - 1);
            if (Math.Abs(t.Slope) <= -Curvature * slope0) return Accept(x, ref value, gradient, direction, t, _trialGradient);
            if (t.Slope >= 0) return Zoom(f, x, ref value, gradient, direction, value0, slope0, low: t, high: low, MaxTrials - i - 1, trialIsLow: true);
            low = t;
            _trialGradient.CopyTo(_lowGradient, 0);
            step *= 4;
        }
        return AcceptLowOrRestore(x, ref value, gradient, direction, low);
    }

    /// <summary>Algorithm 3.6: narrows [low, high], which brackets a Wolfe step, keeping at low the lowest point with sufficient decrease.</summary>
    bool Zoom<TObjective>(TObjective f, Span<double> x, ref double value, Span<double> gradient, ReadOnlySpan<double> direction,
        double value0, double slope0, Trial low, Trial high, int trials, bool trialIsLow = false) where TObjective : IObjective
    {
        if (trialIsLow) _trialGradient.CopyTo(_lowGradient, 0);
        for (var i = 0; i < trials && Math.Abs(high.Step - low.Step) > 1e-12 * Math.Max(low.Step, high.Step); i++)
        {
            var t = Evaluate(f, x, direction, Interpolate(low, high));
            if (!(t.Value <= value0 + SufficientDecrease * t.Step * slope0) || t.Value >= low.Value)
            {
                high = t;
                continue;
            }
            if (Math.Abs(t.Slope) <= -Curvature * slope0) return Accept(x, ref value, gradient, direction, t, _trialGradient);
            if (t.Slope * (high.Step - low.Step) >= 0) high = low;
            low = t;
            _trialGradient.CopyTo(_lowGradient, 0);
        }
        return AcceptLowOrRestore(x, ref value, gradient, direction, low);
    }

    Trial Evaluate<TObjective>(TObjective f, Span<double> x, ReadOnlySpan<double> direction, double step) where TObjective : IObjective
    {
        for (var j = 0; j < x.Length; j++) x[j] = _start[j] + step * direction[j];
        Evaluations++;
        var value = f.Evaluate(x, _trialGradient);
        return new Trial(step, value, Lbfgs.Dot(_trialGradient, direction));
    }

    bool Accept(Span<double> x, ref double value, Span<double> gradient, ReadOnlySpan<double> direction, Trial t, double[] trialGradient)
    {
        // The same arithmetic as Evaluate, so x is bitwise the point the value and gradient belong to.
        for (var j = 0; j < x.Length; j++) x[j] = _start[j] + t.Step * direction[j];
        value = t.Value;
        trialGradient.CopyTo(gradient);
        return true;
    }

    /// <summary>Out of trials: the lowest point with sufficient decrease, if any step reached one.</summary>
    bool AcceptLowOrRestore(Span<double> x, ref double value, Span<double> gradient, ReadOnlySpan<double> direction, Trial low)
    {
        if (low.Step > 0) return Accept(x, ref value, gradient, direction, low, _lowGradient);
        _start.CopyTo(x);
        return false;
    }

    /// <summary>
    /// The minimiser of the cubic through both ends' values and slopes (N&amp;W eq. 3.59), kept a tenth of the interval
    /// away from its ends; the midpoint when the cubic is of no use (an infinite value at an overlong step).
    /// </summary>
    static double Interpolate(Trial a, Trial b)
    {
        double lo = Math.Min(a.Step, b.Step), hi = Math.Max(a.Step, b.Step), margin = 0.1 * (hi - lo);
        var d1 = a.Slope + b.Slope - 3 * (a.Value - b.Value) / (a.Step - b.Step);
        var d2 = Math.Sign(b.Step - a.Step) * Math.Sqrt(d1 * d1 - a.Slope * b.Slope);
        var step = b.Step - (b.Step - a.Step) * (b.Slope + d2 - d1) / (b.Slope - a.Slope + 2 * d2);
        return double.IsFinite(step) ? Math.Clamp(step, lo + margin, hi - margin) : 0.5 * (lo + hi);
    }

    /// <summary>One point on the line: step α, φ(α) and φ'(α).</summary>
    readonly record struct Trial(double Step, double Value, double Slope);
}
