using System.Collections.ObjectModel;

namespace ShopLens.Learning.Btyd;

/// <summary>
/// How a Gamma-Gamma fit went: whether L-BFGS converged, its iterations, the log-likelihood, the customers with x &gt; 0
/// it used, standard errors of (p, q, γ) from the observed information (NaN when not positive definite), and a message.
/// </summary>
public sealed record GammaGammaFit(bool Converged, int Iterations, double LogLikelihood, int Customers, ReadOnlyCollection<double> StandardErrors, string Message);
