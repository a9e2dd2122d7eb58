using System.Globalization;
using ShopLens.Learning.Linear;

namespace ShopLens.Learning.Btyd;

/// <summary>
/// Maximum likelihood for BG/NBD and MBG/NBD: L-BFGS on the log-parameters from a few starting points (the first at
/// r = a = b = 1 and α on the scale of the customers' ages, the rest jittered around it by the seed), keeping the best;
/// then standard errors from the observed information in the natural parameters.
/// </summary>
internal static class BgNbdFitting
{
    /// <summary>Fits the model; the result is the best start's estimate whether or not any start converged.</summary>
    public static (BgNbdParameters Parameters, BtydFit Fit) Fit(
        CustomerHistories data, bool modified, int starts, int maxIterations, double gradientTolerance, double l2, int seed,
        CancellationToken ct)
    {
        var objective = new BgNbdObjective(data, modified, l2);
        var rng = new Random(seed);
        // As lifetimes rescales ages so that α starts near 1: a tenth of the largest age puts α on the data's time scale.
        var baseStart = new[] { 0.0, Math.Log(MaxAge(data) / 10), 0.0, 0.0 };
        double[]? best = null;
        LbfgsResult bestRun = default;
        var bestConverged = false;
        var gradient = new double[4];
        var point = new double[4];
        int totalIterations = 0, converged = 0;
        for (var s = 0; s < starts; s++)
        {
            for (var j = 0; j < 4; j++) point[j] = baseStart[j] + (s == 0 ? 0 : 3 * (rng.NextDouble() - 0.5));
            var run = Lbfgs.Minimize(objective, point, maxIterations, gradientTolerance, ct);
            totalIterations += run.Iterations;
            if (!double.IsFinite(run.Value)) continue;
            var ok = Converged(objective, point, gradient, run, gradientTolerance);
            if (ok) converged++;
            if (best is null || run.Value < bestRun.Value)
            {
                (best, bestRun, bestConverged) = ((double[])point.Clone(), run, ok);
            }
        }
        if (best is null) throw new ArithmeticException("every start of the BG/NBD fit ended at a non-finite likelihood");
        var p = BgNbdParameters.FromLog(best);
        var ll = objective.LogLikelihood(p, gradient);
        var message = string.Create(CultureInfo.InvariantCulture,
            $"{(bestConverged ? "converged" : "did not converge")}: {converged} of {starts} starts converged, best stopped by {bestRun.Stop} after {bestRun.Iterations} iterations");
        var errors = StandardErrors(objective, p, data.Count, l2);
        if (errors.Values.Any(double.IsNaN)) message += "; the observed information is not positive definite, standard errors are NaN";
        return (p, new BtydFit(bestConverged, totalIterations, ll, message, errors));
    }

    static double MaxAge(CustomerHistories data)
    {
        var max = 0.0;
        foreach (var t in data.Age) max = Math.Max(max, t);
        return max;
    }

    /// <summary>
    /// A start counts as converged when L-BFGS met the gradient tolerance, or stopped for lack of progress (the objective
    /// flat to rounding) with the gradient within 100 times it.
    /// </summary>
    static bool Converged(BgNbdObjective objective, double[] point, double[] gradient, LbfgsResult run, double tolerance)
    {
        if (run.Stop == LbfgsStop.Gradient) return true;
        if (run.Stop == LbfgsStop.MaxIterations) return false;
        objective.Evaluate(point, gradient);
        return gradient.Max(Math.Abs) <= 100 * tolerance;
    }

    /// <summary>
    /// √diag(H⁻¹), H the Hessian of the penalised negative log-likelihood (summed, natural parameters) by central
    /// differences of the analytic gradient, symmetrised.
    /// </summary>
    static IReadOnlyDictionary<string, double> StandardErrors(BgNbdObjective objective, BgNbdParameters p, int n, double l2)
    {
        Span<double> at = stackalloc double[4];
        p.ToArray(at);
        var h = new double[4, 4];
        Span<double> up = stackalloc double[4], down = stackalloc double[4], shifted = stackalloc double[4];
        for (var j = 0; j < 4; j++)
        {
            var step = 1e-5 * at[j];
            at.CopyTo(shifted);
            shifted[j] = at[j] + step;
            objective.LogLikelihood(new BgNbdParameters(shifted[0], shifted[1], shifted[2], shifted[3]), up);
            shifted[j] = at[j] - step;
            objective.LogLikelihood(new BgNbdParameters(shifted[0], shifted[1], shifted[2], shifted[3]), down);
            for (var k = 0; k < 4; k++) h[k, j] = -(up[k] - down[k]) / (2 * step);
            h[j, j] += 2 * l2 * n;
        }
        for (var j = 0; j < 4; j++)
            for (var k = 0; k < j; k++) h[j, k] = h[k, j] = 0.5 * (h[j, k] + h[k, j]);
        var inverseDiagonal = InverseDiagonal(h);
        var errors = new Dictionary<string, double>();
        for (var j = 0; j < 4; j++) errors[BgNbdParameters.Names[j]] = inverseDiagonal[j] > 0 ? Math.Sqrt(inverseDiagonal[j]) : double.NaN;
        return errors.AsReadOnly();
    }

    /// <summary>The diagonal of the inverse of a symmetric matrix by Cholesky; NaNs when it is not positive definite.</summary>
    static double[] InverseDiagonal(double[,] h)
    {
        var n = h.GetLength(0);
        var l = new double[n, n];
        var result = new double[n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j <= i; j++)
            {
                var s = h[i, j];
                for (var k = 0; k < j; k++) s -= l[i, k] * l[j, k];
                if (i == j)
                {
                    if (!(s > 0)) { Array.Fill(result, double.NaN); return result; }
                    l[i, i] = Math.Sqrt(s);
                }
                else l[i, j] = s / l[j, j];
            }
        // H⁻¹ = L⁻ᵀ L⁻¹, so (H⁻¹)ⱼⱼ = ‖L⁻¹ eⱼ‖²: solve L y = eⱼ by forward substitution.
        var y = new double[n];
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < n; i++)
            {
                var s = i == j ? 1.0 : 0.0;
                for (var k = 0; k < i; k++) s -= l[i, k] * y[k];
                y[i] = s / l[i, i];
            }
            for (var i = 0; i < n; i++) result[j] += y[i] * y[i];
        }
        return result;
    }
}
