using ShopLens.Learning.Linear;

namespace ShopLens.Learning.Tests.Linear;

/// <summary>L-BFGS on the classic test functions.</summary>
[Trait("Issue", "4")]
public sealed class LbfgsTests
{
    [Fact]
    public void Rosenbrock_converges_to_one_one_from_the_classic_start()
    {
        double[] x = [-1.2, 1.0];
        var result = Lbfgs.Minimize(new Rosenbrock(2), x, maxIterations: 200, gradientTolerance: 1e-10, CancellationToken.None);

        // Near f = 0 the run ends when a step gains no more than rounding (f ≈ 1e-20), before ‖∇f‖∞ reaches 1e-10.
        Assert.Contains(result.Stop, new[] { LbfgsStop.Gradient, LbfgsStop.NoProgress });
        Assert.Equal(1.0, x[0], 1e-7);
        Assert.Equal(1.0, x[1], 1e-7);
        Assert.True(result.Value < 1e-14, $"f = {result.Value}");
        Assert.InRange(result.Iterations, 10, 100);
    }

    [Fact]
    public void Extended_rosenbrock_in_twenty_dimensions_converges_to_all_ones()
    {
        var x = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? -1.2 : 1.0).ToArray();
        var result = Lbfgs.Minimize(new Rosenbrock(20), x, maxIterations: 1000, gradientTolerance: 1e-9, CancellationToken.None);

        Assert.Contains(result.Stop, new[] { LbfgsStop.Gradient, LbfgsStop.NoProgress });
        Assert.All(x, v => Assert.Equal(1.0, v, 1e-7));
    }

    [Fact]
    public void A_quadratic_is_solved_and_a_start_at_the_minimum_takes_no_iteration()
    {
        // f(x) = Σ_j (j + 1) (x_j − j)²: minimum at x_j = j.
        var quadratic = new Quadratic(8);
        var x = new double[8];
        var result = Lbfgs.Minimize(quadratic, x, maxIterations: 100, gradientTolerance: 1e-10, CancellationToken.None);
        for (var j = 0; j < 8; j++) Assert.Equal(j, x[j], 1e-8);

        var again = Lbfgs.Minimize(quadratic, x, maxIterations: 100, gradientTolerance: 1e-6, CancellationToken.None);
        Assert.Equal(0, again.Iterations);
        Assert.Equal(1, again.Evaluations);
        Assert.True(result.Iterations > 0);
    }

    [Fact]
    public void The_iteration_budget_and_cancellation_are_honoured()
    {
        double[] x = [-1.2, 1.0];
        var result = Lbfgs.Minimize(new Rosenbrock(2), x, maxIterations: 3, gradientTolerance: 0, CancellationToken.None);
        Assert.Equal((3, LbfgsStop.MaxIterations), (result.Iterations, result.Stop));
        Assert.Throws<OperationCanceledException>(() =>
            Lbfgs.Minimize(new Rosenbrock(2), x, 100, 1e-10, new CancellationToken(canceled: true)));
    }

    /// <summary>Σ 100 (x₂ᵢ₊₁ − x₂ᵢ²)² + (1 − x₂ᵢ)² over pairs (Nocedal and Wright, eq. 2.22 extended).</summary>
    sealed class Rosenbrock(int dimension) : IObjective
    {
        public int Dimension => dimension;

        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
        {
            var f = 0.0;
            for (var i = 0; i < x.Length; i += 2)
            {
                double a = x[i + 1] - x[i] * x[i], b = 1 - x[i];
                f += 100 * a * a + b * b;
                gradient[i] = -400 * a * x[i] - 2 * b;
                gradient[i + 1] = 200 * a;
            }
            return f;
        }
    }

    sealed class Quadratic(int dimension) : IObjective
    {
        public int Dimension => dimension;

        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
        {
            var f = 0.0;
            for (var j = 0; j < x.Length; j++)
            {
                f += (j + 1) * (x[j] - j) * (x[j] - j);
                gradient[j] = 2 * (j + 1) * (x[j] - j);
            }
            return f;
        }
    }
}
