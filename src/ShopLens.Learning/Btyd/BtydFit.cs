namespace ShopLens.Learning.Btyd;

/// <summary>
/// How a BTYD maximum-likelihood fit ended: whether the optimiser converged, its iterations, the log-likelihood at the
/// estimate (natural log, summed over customers, without any penalty), a message for people, and each parameter's
/// standard error from the observed information (NaN when the Hessian there is not positive definite).
/// </summary>
public sealed record BtydFit(
    bool Converged,
    int Iterations,
    double LogLikelihood,
    string Message,
    IReadOnlyDictionary<string, double> StandardErrors);
