namespace ShopLens.Learning.Linear;

/// <summary>A smooth function to minimise: its value and gradient at a point, as <see cref="Lbfgs"/> asks for them.</summary>
interface IObjective
{
    /// <summary>The number of variables.</summary>
    int Dimension { get; }

    /// <summary>Returns f(<paramref name="point"/>) and writes ∇f there into <paramref name="gradient"/> (both <see cref="Dimension"/> long).</summary>
    double Evaluate(ReadOnlySpan<double> point, Span<double> gradient);
}
