namespace ShopLens.Learning.Btyd;

/// <summary>
/// What BG/NBD and MBG/NBD share: purchase rates λ ~ Gamma(r, α) and a dropout chance p ~ Beta(a, b), the formulas
/// (<see cref="BgNbdFormulas"/>) differing only in whether a customer may also drop out at the first purchase
/// (<see cref="Modified"/>). Times are in the unit of the training histories.
/// </summary>
public abstract class BetaGeometricModel : IRepeatPurchaseModel
{
    readonly BgNbdParameters _p;

    private protected BetaGeometricModel(BgNbdParameters parameters, MaximumLikelihoodFit fit) => (_p, Fit) = (parameters, fit);

    /// <summary>MBG/NBD's dropout chance at time 0.</summary>
    private protected abstract bool Modified { get; }

    /// <summary>The 8-byte file header.</summary>
    private protected abstract string Magic { get; }

    /// <summary>Shape of the purchase-rate Gamma.</summary>
    public double R => _p.R;

    /// <summary>Rate (inverse scale) of the purchase-rate Gamma, in the time unit of the histories.</summary>
    public double Alpha => _p.Alpha;

    /// <summary>First shape of the dropout-probability Beta.</summary>
    public double A => _p.A;

    /// <summary>Second shape of the dropout-probability Beta.</summary>
    public double B => _p.B;

    /// <summary>How the fit ended.</summary>
    public MaximumLikelihoodFit Fit { get; }

    public abstract string Name { get; }

    public IReadOnlyDictionary<string, double> Parameters => new Dictionary<string, double> { ["r"] = R, ["alpha"] = Alpha, ["a"] = A, ["b"] = B };

    public bool Converged => Fit.Converged;

    /// <summary>The training log-likelihood at the estimate, summed over customers.</summary>
    public double LogLikelihood => Fit.LogLikelihood;

    /// <summary>Standard errors of "r", "alpha", "a", "b" from the observed information.</summary>
    public IReadOnlyDictionary<string, double> StandardErrors => Fit.StandardErrorsByName(BgNbdParameters.Names);

    /// <summary>P(alive at T) of a customer with x repeat purchases, the last at tₓ, first purchase T ago (FHL 2005 eq. 11 for BG/NBD).</summary>
    public double ProbabilityAlive(double x, double tx, double t)
    {
        BgNbdValidation.Customer(x, tx, t);
        return BgNbdFormulas.ProbabilityAlive(_p, Modified, x, tx, t);
    }

    /// <summary>E[X(t)]: expected repeat purchases of a new customer in (0, t] (FHL 2005 eq. 7 for BG/NBD).</summary>
    public double ExpectedPurchases(double t)
    {
        BgNbdValidation.Time(t, nameof(t));
        return BgNbdFormulas.ExpectedPurchases(_p, Modified, t);
    }

    /// <summary>E[Y(t) | x, tₓ, T]: expected purchases in (T, T + t] given the history (FHL 2005 eq. 10 for BG/NBD).</summary>
    public double ConditionalExpectedPurchases(double t, double x, double tx, double age)
    {
        BgNbdValidation.Time(t, nameof(t));
        BgNbdValidation.Customer(x, tx, age);
        return BgNbdFormulas.ConditionalExpectedPurchases(_p, Modified, t, x, tx, age);
    }

    /// <summary>P(X(t) = n): probability that a new customer makes exactly n repeat purchases in (0, t] (FHL 2005 eq. 8 for BG/NBD).</summary>
    public double ProbabilityOfPurchases(int n, double t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        BgNbdValidation.Time(t, nameof(t));
        return BgNbdFormulas.ProbabilityOfPurchases(_p, Modified, n, t);
    }

    /// <summary>P(at least one purchase in (T, T + horizon] | x, tₓ, T).</summary>
    public double ProbabilityOfAtLeastOnePurchase(double horizon, double x, double tx, double t)
    {
        BgNbdValidation.Time(horizon, nameof(horizon));
        BgNbdValidation.Customer(x, tx, t);
        return BgNbdFormulas.ProbabilityOfAtLeastOnePurchase(_p, Modified, horizon, x, tx, t);
    }

    /// <summary><see cref="ProbabilityAlive(double, double, double)"/> of every customer.</summary>
    public double[] ProbabilityAlive(CustomerHistories customers) =>
        BgNbdVector.Map(customers, (x, tx, t) => BgNbdFormulas.ProbabilityAlive(_p, Modified, x, tx, t));

    /// <summary><see cref="ConditionalExpectedPurchases(double, double, double, double)"/> of every customer.</summary>
    public double[] ConditionalExpectedPurchases(double t, CustomerHistories customers)
    {
        BgNbdValidation.Time(t, nameof(t));
        return BgNbdVector.Map(customers, (x, tx, age) => BgNbdFormulas.ConditionalExpectedPurchases(_p, Modified, t, x, tx, age));
    }

    /// <summary><see cref="ProbabilityOfAtLeastOnePurchase(double, double, double, double)"/> of every customer.</summary>
    public double[] ProbabilityOfAtLeastOnePurchase(double horizon, CustomerHistories customers)
    {
        BgNbdValidation.Time(horizon, nameof(horizon));
        return BgNbdVector.Map(customers, (x, tx, t) => BgNbdFormulas.ProbabilityOfAtLeastOnePurchase(_p, Modified, horizon, x, tx, t));
    }

    /// <summary>Writes the model (little-endian binary: header, r, α, a, b, the fit report).</summary>
    public void Save(Stream stream) => Fit.Write(stream, Magic, _p.ToArray());

    /// <summary>Reads the parameters and fit report after checking the header; <paramref name="label"/> names the model in errors.</summary>
    /// <exception cref="InvalidDataException">another header, a newer format, a bad parameter or a file cut short</exception>
    private protected static (BgNbdParameters Parameters, MaximumLikelihoodFit Fit) Read(Stream stream, string magic, string label)
    {
        var (theta, fit) = MaximumLikelihoodFit.Read(stream, magic, label, 4);
        return (BgNbdParameters.From(theta), fit);
    }
}
