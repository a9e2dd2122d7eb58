using System.Globalization;
using ShopLens.Learning.Linear;

namespace ShopLens.Learning.Btyd;

/// <summary>
/// Maximum likelihood for every BTYD model (BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma) over positive parameters
/// θ = exp(u): L-BFGS on f(u) = −(1/N) Σ log Lᵢ + λ Σ θⱼ² (lifetimes' penaliser, on the natural parameters) from every
/// start, keeping the best; standard errors from the inverse observed information, the Hessian of N·f in θ by central
/// differences of the analytic gradient.
/// </summary>
static class MaximumLikelihood
{
    // A start has converged when L-BFGS met the tolerance, or stopped because f no longer fell (flat to rounding) with
    // ‖∇f‖∞ in u at most 100 times the tolerance, and never less than this: a gradient this small in log-parameters
    // moves the estimates by far less than their standard errors.
    const double FlatGradient = 1e-5;

    /// <summary>
    /// Fits from each start (natural parameters) and returns the best: a converged start before one that did not, then
    /// the lower f. When none converged that best is still returned, with <see cref="MaximumLikelihoodFit.Converged"/>
    /// false and a message saying where it stopped.
    /// </summary>
    public static (double[] Theta, MaximumLikelihoodFit Fit) Fit<TLikelihood>(TLikelihood likelihood, IReadOnlyList<double[]> starts,
        double l2, int maxIterations, double tolerance, CancellationToken ct) where TLikelihood : ILogLikelihood
    {
        var objective = new Objective<TLikelihood>(likelihood, l2);
        var accepted = Math.Max(FlatGradient, 100 * tolerance);
        var gradient = new double[likelihood.Dimension];
        StartEnd? best = null;
        var converged = 0;
        foreach (var start in starts)
        {
            var u = start.Select(t => Math.Log(t)).ToArray();
            var run = Lbfgs.Minimize(objective, u, maxIterations, tolerance, ct);
            var value = objective.Evaluate(u, gradient);
            if (!double.IsFinite(value)) continue;
            var largest = gradient.Max(Math.Abs);
            var end = new StartEnd(u, run, value, largest, run.Stop is LbfgsStop.Gradient or LbfgsStop.NoProgress && largest <= accepted);
            if (end.Converged) converged++;
            if (best is not { } b || (end.Converged && !b.Converged) || (end.Converged == b.Converged && value < b.Value)) best = end;
        }
        if (best is not { } found)
        {
            var none = new MaximumLikelihoodFit(false, 0, double.NaN, likelihood.Customers, Array.AsReadOnly(starts[0].Select(_ => double.NaN).ToArray()),
                string.Create(CultureInfo.InvariantCulture, $"did not converge: no start of {starts.Count} reached a finite likelihood"));
            return ([.. starts[0]], none);
        }
        var theta = found.U.Select(v => Math.Exp(v)).ToArray();
        var (stop, iterations) = (found.Run.Stop, found.Run.Iterations);
        var message = found.Converged
            ? string.Create(CultureInfo.InvariantCulture, $"converged after {iterations} iterations ({stop}, largest gradient {found.Largest:E1}); {converged} of {starts.Count} starts converged")
            : string.Create(CultureInfo.InvariantCulture, $"did not converge: no start of {starts.Count} did; the best stopped after {iterations} iterations ({stop}) with largest gradient {found.Largest:E1}");
        var errors = StandardErrors(likelihood, theta, l2);
        if (errors.Any(double.IsNaN)) message += "; the observed information is not positive definite, standard errors are NaN";
        var fit = new MaximumLikelihoodFit(found.Converged, iterations, likelihood.Evaluate(theta, gradient), likelihood.Customers, Array.AsReadOnly(errors), message);
        return (theta, fit);
    }

    /// <summary>Where one start's L-BFGS run left u, f and ‖∇f‖∞ there, and whether it counts as converged.</summary>
    readonly record struct StartEnd(double[] U, LbfgsResult Run, double Value, double Largest, bool Converged);

    static double Penalty(ReadOnlySpan<double> theta, double l2)
    {
        var sum = 0.0;
        foreach (var t in theta) sum += t * t;
        return l2 * sum;
    }

    /// <summary>√diag(H⁻¹), H the Hessian of −Σ log Lᵢ + N λ Σθ² in θ; NaN where H is not positive definite.</summary>
    static double[] StandardErrors<TLikelihood>(TLikelihood likelihood, double[] theta, double l2) where TLikelihood : ILogLikelihood
    {
        var n = theta.Length;
        var hessian = new double[n, n];
        double[] plus = new double[n], minus = new double[n], point = (double[])theta.Clone();
        for (var j = 0; j < n; j++)
        {
            var h = 1e-5 * theta[j];
            point[j] = theta[j] + h;
            likelihood.Evaluate(point, plus);
            point[j] = theta[j] - h;
            likelihood.Evaluate(point, minus);
            point[j] = theta[j];
            for (var k = 0; k < n; k++) hessian[k, j] = -(plus[k] - minus[k]) / (2 * h);
            hessian[j, j] += 2 * l2 * likelihood.Customers;
        }
        var errors = new double[n];
        var inverse = CholeskyInverse(hessian);
        for (var j = 0; j < n; j++) errors[j] = inverse is null ? double.NaN : Math.Sqrt(inverse[j, j]);
        return errors;
    }

    /// <summary>The inverse of the symmetrised matrix by Cholesky, or null when it is not positive definite.</summary>
    static double[,]? CholeskyInverse(double[,] a)
    {
        var n = a.GetLength(0);
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j <= i; j++)
            {
                var sum = 0.5 * (a[i, j] + a[j, i]);
                for (var k = 0; k < j; k++) sum -= l[i, k] * l[j, k];
                if (i == j)
                {
                    if (!(sum > 0)) return null;
                    l[i, i] = Math.Sqrt(sum);
                }
                else l[i, j] = sum / l[j, j];
            }
        var inverse = new double[n, n];
        var column = new double[n];
        for (var c = 0; c < n; c++)
        {
            // Solve L y = e_c, then Lᵀ x = y.
            for (var i = 0; i < n; i++)
            {
                var sum = i == c ? 1.0 : 0.0;
                for (var k = 0; k < i; k++) sum -= l[i, k] * column[k];
                column[i] = sum / l[i, i];
            }
            for (var i = n - 1; i >= 0; i--)
            {
                var sum = column[i];
                for (var k = i + 1; k < n; k++) sum -= l[k, i] * column[k];
                column[i] = sum / l[i, i];
            }
            for (var i = 0; i < n; i++) inverse[i, c] = column[i];
        }
        return inverse;
    }

    /// <summary>
    /// f(u) of the class summary, for <see cref="Lbfgs"/>; +∞ with a zero gradient where θ over- or underflows or the
    /// likelihood is not finite, so that a line-search trial that far out is no better than anything.
    /// </summary>
    internal sealed class Objective<TLikelihood>(TLikelihood likelihood, double l2) : IObjective where TLikelihood : ILogLikelihood
    {
        readonly double[] _theta = new double[likelihood.Dimension];

        public int Dimension => likelihood.Dimension;

        public double Evaluate(ReadOnlySpan<double> point, Span<double> gradient)
        {
            var inRange = true;
            for (var j = 0; j < _theta.Length; j++)
            {
                _theta[j] = Math.Exp(point[j]);
                inRange &= _theta[j] > 0 && double.IsFinite(_theta[j]);
            }
            var scale = 1.0 / likelihood.Customers;
            var value = inRange ? -likelihood.Evaluate(_theta, gradient) * scale + Penalty(_theta, l2) : double.NaN;
            if (!double.IsFinite(value))
            {
                gradient.Clear();
                return double.PositiveInfinity;
            }
            // d/du = θ d/dθ
            for (var j = 0; j < _theta.Length; j++) gradient[j] = (-gradient[j] * scale + 2 * l2 * _theta[j]) * _theta[j];
            return value;
        }
    }
}
