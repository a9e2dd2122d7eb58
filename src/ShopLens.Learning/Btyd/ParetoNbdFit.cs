using System.Collections.ObjectModel;

namespace ShopLens.Learning.Btyd;

/// <summary>
/// How a Pareto/NBD fit went: whether L-BFGS converged, its iterations, the log-likelihood at the parameters, the
/// customers it saw, standard errors of (r, α, s, β) from the observed information (NaN when it is not positive
/// definite), and a message saying why it stopped.
/// </summary>
public sealed record ParetoNbdFit(bool Converged, int Iterations, double LogLikelihood, int Customers, ReadOnlyCollection<double> StandardErrors, string Message);
