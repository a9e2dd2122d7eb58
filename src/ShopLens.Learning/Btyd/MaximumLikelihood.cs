using ShopLens.Learning.Linear;

namespace ShopLens.Learning.Btyd;

/// <summary>A model's total log-likelihood over its customers and its gradient in the natural (positive) parameters.</summary>
interface ILogLikelihood
{
    int Dimension { get; }

    int Customers { get; }

    /// <summary>Returns Σᵢ log Lᵢ(θ) and writes its gradient in θ into <paramref name="gradient"/>.</summary>
    double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient);
}

/// <summary>What <see cref="MaximumLikelihood.Fit"/> found: the parameters, the log-likelihood there and how it got there.</summary>
sealed record MaximumLikelihoodResult(double[] Theta, double LogLikelihood, int Iterations, bool Converged, string Message, double[] StandardErrors);

/// <summary>
/// Maximum likelihood over positive parameters θ = exp(u): L-BFGS on f(u) = −(1/N) Σ log Lᵢ + λ Σ θⱼ² (lifetimes'
/// penaliser, on the natural parameters) from every start, keeping the best; standard errors from the inverse observed
/// information, the Hessian of N·f in θ by central differences of the analytic gradient.
/// </summary>
static class MaximumLikelihood
{
    // Converged: L-BFGS stopped on the gradient or on no further decrease, with ‖∇f‖∞ this small in u.
    const double AcceptedGradient = 1e-5;

    public static MaximumLikelihoodResult Fit<TLikelihood>(TLikelihood likelihood, IReadOnlyList<double[]> starts, double l2,
        int maxIterations, double tolerance, CancellationToken ct) where TLikelihood : ILogLikelihood
    {
        var objective = new Objective<TLikelihood>(likelihood, l2);
        MaximumLikelihoodResult? best = null;
        foreach (var start in starts)
        {
            var u = start.Select(t => Math.Log(t)).ToArray();
            var result = Lbfgs.Minimize(objective, u, maxIterations, tolerance, ct);
            var gradient = new double[u.Length];
            var value = objective.Evaluate(u, gradient);
            var theta = u.Select(v => Math.Exp(v)).ToArray();
            if (!double.IsFinite(value) || theta.Any(t => !double.IsFinite(t) || t <= 0)) continue;
            var largest = gradient.Max(Math.Abs);
            var converged = result.Stop is LbfgsStop.Gradient or LbfgsStop.NoProgress && largest <= AcceptedGradient;
            var message = converged
                ? $"converged after {result.Iterations} iterations ({result.Stop}, largest gradient {largest:E1})"
                : $"did not converge: stopped after {result.Iterations} iterations ({result.Stop}) with largest gradient {largest:E1}";
            var candidate = new MaximumLikelihoodResult(theta, likelihood.Evaluate(theta, new double[theta.Length]), result.Iterations, converged, message, []);
            if (best is null || (candidate.Converged && !best.Converged) || (candidate.Converged == best.Converged && value < -best.LogLikelihood / likelihood.Customers + Penalty(best.Theta, l2)))
                best = candidate;
        }
        if (best is null)
            return new MaximumLikelihoodResult([.. starts[0]], double.NaN, 0, false, $"no start of {starts.Count} reached a finite likelihood", [.. starts[0].Select(_ => double.NaN)]);
        return best with { StandardErrors = StandardErrors(likelihood, best.Theta, l2) };
    }

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

    /// <summary>f(u) of the class summary, for <see cref="Lbfgs"/>.</summary>
    sealed class Objective<TLikelihood>(TLikelihood likelihood, double l2) : IObjective where TLikelihood : ILogLikelihood
    {
        readonly double[] _theta = new double[likelihood.Dimension];

        public int Dimension => likelihood.Dimension;

        public double Evaluate(ReadOnlySpan<double> point, Span<double> gradient)
        {
            for (var j = 0; j < _theta.Length; j++) _theta[j] = Math.Exp(point[j]);
            var scale = 1.0 / likelihood.Customers;
            var value = -likelihood.Evaluate(_theta, gradient) * scale + Penalty(_theta, l2);
            // d/du = θ d/dθ
            for (var j = 0; j < _theta.Length; j++) gradient[j] = (-gradient[j] * scale + 2 * l2 * _theta[j]) * _theta[j];
            return double.IsFinite(value) ? value : double.NaN;
        }
    }
}
