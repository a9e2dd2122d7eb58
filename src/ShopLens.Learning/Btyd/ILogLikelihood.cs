namespace ShopLens.Learning.Btyd;

/// <summary>
/// A model's total log-likelihood over its customers and its gradient in the natural (positive) parameters: all that
/// <see cref="MaximumLikelihood.Fit"/> needs of BG/NBD, MBG/NBD, Pareto/NBD or Gamma-Gamma.
/// </summary>
interface ILogLikelihood
{
    int Dimension { get; }

    int Customers { get; }

    /// <summary>Returns Σᵢ log Lᵢ(θ) and writes its gradient in θ into <paramref name="gradient"/>.</summary>
    double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient);
}
