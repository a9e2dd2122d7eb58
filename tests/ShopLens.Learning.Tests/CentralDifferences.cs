namespace ShopLens.Learning.Tests;

/// <summary>The numeric gradient the analytic ones are checked against: (f(θ + hⱼeⱼ) − f(θ − hⱼeⱼ)) / 2hⱼ per coordinate.</summary>
static class CentralDifferences
{
    /// <param name="f">the function, evaluated on copies of <paramref name="at"/></param>
    /// <param name="step">the step hⱼ for coordinate j at value θⱼ</param>
    public static double[] Gradient(Func<double[], double> f, double[] at, Func<double, double> step)
    {
        var gradient = new double[at.Length];
        for (var j = 0; j < at.Length; j++)
        {
            var h = step(at[j]);
            double[] plus = [.. at], minus = [.. at];
            plus[j] += h;
            minus[j] -= h;
            gradient[j] = (f(plus) - f(minus)) / (2 * h);
        }
        return gradient;
    }
}
