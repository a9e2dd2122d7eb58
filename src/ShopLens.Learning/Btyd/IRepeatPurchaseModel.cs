namespace ShopLens.Learning.Btyd;

/// <summary>
/// What every fitted "buy till you die" purchase model (BG/NBD, MBG/NBD, Pareto/NBD) answers, so forecasts and
/// evaluations can take any of them.
/// </summary>
public interface IRepeatPurchaseModel
{
    /// <summary>The model's name on the command line and in JSON: <c>bgnbd</c>, <c>mbgnbd</c>, <c>pareto</c>.</summary>
    string Name { get; }

    /// <summary>Parameters by their names in the literature (r, alpha, a, b; or r, alpha, s, beta).</summary>
    IReadOnlyDictionary<string, double> Parameters { get; }

    /// <summary>Log-likelihood of the calibration data at the fitted parameters.</summary>
    double LogLikelihood { get; }

    /// <summary>Whether the maximum-likelihood fit converged.</summary>
    bool Converged { get; }

    /// <summary>Standard errors of <see cref="Parameters"/>, by the same names, from the observed information (NaN where it is not positive definite).</summary>
    IReadOnlyDictionary<string, double> StandardErrors { get; }

    /// <summary>E[X(t)]: purchases in (0, t] of a customer who just arrived.</summary>
    double ExpectedPurchases(double t);

    /// <summary>P(alive) of each customer at the end of the calibration period.</summary>
    double[] ProbabilityAlive(CustomerHistories customers);

    /// <summary>E[Y(t) | history]: each customer's expected purchases in the <paramref name="t"/> after calibration.</summary>
    double[] ConditionalExpectedPurchases(double t, CustomerHistories customers);

    /// <summary>P(at least one purchase in the <paramref name="horizon"/> after calibration | history).</summary>
    double[] ProbabilityOfAtLeastOnePurchase(double horizon, CustomerHistories customers);
}
