namespace ShopLens.Learning.Btyd;

/// <summary>
/// A fitted Pareto/NBD: purchases Poisson(λ) while alive, lifetimes exponential(μ), λ ~ Gamma(r, α), μ ~ Gamma(s, β)
/// across customers. Per customer it gives P(alive), expected purchases in a horizon and the chance of any purchase.
/// </summary>
public sealed class ParetoNbdModel : IRepeatPurchaseModel
{
    const string Magic = "SLPARNBD";

    /// <summary>The parameters' names in the literature, in the order of the fit and the model file.</summary>
    static readonly string[] Names = ["r", "alpha", "s", "beta"];

    readonly double[] _theta;

    internal ParetoNbdModel(double r, double alpha, double s, double beta, MaximumLikelihoodFit fit)
    {
        (R, Alpha, S, Beta, Fit) = (r, alpha, s, beta, fit);
        _theta = [r, alpha, s, beta];
    }

    /// <summary>Shape of the purchase-rate gamma.</summary>
    public double R { get; }

    /// <summary>Rate (inverse scale) of the purchase-rate gamma, in the histories' time unit.</summary>
    public double Alpha { get; }

    /// <summary>Shape of the dropout-rate gamma.</summary>
    public double S { get; }

    /// <summary>Rate of the dropout-rate gamma.</summary>
    public double Beta { get; }

    public MaximumLikelihoodFit Fit { get; }

    public string Name => "pareto";

    public IReadOnlyDictionary<string, double> Parameters => new Dictionary<string, double> { ["r"] = R, ["alpha"] = Alpha, ["s"] = S, ["beta"] = Beta };

    /// <summary>Log-likelihood of the calibration data at the fitted parameters.</summary>
    public double LogLikelihood => Fit.LogLikelihood;

    public bool Converged => Fit.Converged;

    public IReadOnlyDictionary<string, double> StandardErrors => Fit.StandardErrorsByName(Names);

    /// <summary>log L of one customer with x repeat purchases, the last at <paramref name="recency"/>, observed for <paramref name="age"/> (FHL 2005 note, eq. 22).</summary>
    public double CustomerLogLikelihood(double x, double recency, double age)
    {
        CheckHistory(x, recency, age);
        return ParetoNbdLikelihood.LogLikelihood(_theta, x, recency, age);
    }

    /// <summary>P(alive at T | x, t_x, T): the bracket's alive-at-T term over the whole bracket (FHL 2005 note, eq. 25).</summary>
    public double ProbabilityAlive(double x, double recency, double age)
    {
        CheckHistory(x, recency, age);
        return Math.Exp(ParetoNbdLikelihood.LogAlive(_theta, x, age) - ParetoNbdLikelihood.LogBracket(_theta, x, recency, age, default));
    }

    /// <summary>
    /// E[Y(t) | x, t_x, T], the expected purchases in (T, T + t] (FHL 2005 note, eq. 27):
    /// (r + x)(β + T) / ((α + T)(s − 1)) · [1 − ((β + T)/(β + T + t))^(s−1)] · P(alive).
    /// </summary>
    public double ConditionalExpectedPurchases(double horizon, double x, double recency, double age)
    {
        CheckHorizon(horizon);
        return (R + x) * (Beta + age) / (Alpha + age) * Dropout(S, (Beta + age) / (Beta + age + horizon)) * ProbabilityAlive(x, recency, age);
    }

    /// <summary>E[X(t)] of a customer just acquired (FHL 2005 note, eq. 17): rβ / (α(s − 1)) · [1 − (β/(β + t))^(s−1)].</summary>
    public double ExpectedPurchases(double horizon)
    {
        CheckHorizon(horizon);
        return R * Beta / Alpha * Dropout(S, Beta / (Beta + horizon));
    }

    /// <summary>
    /// P(X(T, T + t) &gt; 0 | x, t_x, T), at least one purchase in the next <paramref name="horizon"/>. No purchase in
    /// (T, T + t] together with the history is exactly the history observed for T + t, so P(none) = L(x, t_x, T + t) / L(x, t_x, T).
    /// </summary>
    public double ProbabilityOfAtLeastOnePurchase(double horizon, double x, double recency, double age)
    {
        CheckHorizon(horizon);
        CheckHistory(x, recency, age);
        var logNone = ParetoNbdLikelihood.LogBracket(_theta, x, recency, age + horizon, default) - ParetoNbdLikelihood.LogBracket(_theta, x, recency, age, default);
        return -ExpM1(Math.Min(logNone, 0));
    }

    /// <summary><see cref="ProbabilityAlive(double, double, double)"/> of every customer.</summary>
    public double[] ProbabilityAlive(CustomerHistories histories) =>
        Each(histories, i => ProbabilityAlive(histories.Frequency[i], histories.Recency[i], histories.Age[i]));

    /// <summary><see cref="ConditionalExpectedPurchases(double, double, double, double)"/> of every customer.</summary>
    public double[] ConditionalExpectedPurchases(double horizon, CustomerHistories histories) =>
        Each(histories, i => ConditionalExpectedPurchases(horizon, histories.Frequency[i], histories.Recency[i], histories.Age[i]));

    /// <summary><see cref="ProbabilityOfAtLeastOnePurchase(double, double, double, double)"/> of every customer.</summary>
    public double[] ProbabilityOfAtLeastOnePurchase(double horizon, CustomerHistories histories) =>
        Each(histories, i => ProbabilityOfAtLeastOnePurchase(horizon, histories.Frequency[i], histories.Recency[i], histories.Age[i]));

    /// <summary>[1 − q^(s−1)] / (s − 1), written with expm1 so it stays exact near s = 1, where it tends to −log q.</summary>
    static double Dropout(double s, double q) => s == 1 ? -Math.Log(q) : -ExpM1((s - 1) * Math.Log(q)) / (s - 1);

    /// <summary>eʸ − 1 without cancellation for small y (Kahan's trick; .NET's double.ExpM1 is exp(y) − 1).</summary>
    static double ExpM1(double y)
    {
        var u = Math.Exp(y);
        if (u == 1) return y;
        if (double.IsPositiveInfinity(u)) return u;
        if (u - 1 == -1) return -1;
        return (u - 1) * y / Math.Log(u);
    }

    static double[] Each(CustomerHistories histories, Func<int, double> f)
    {
        ArgumentNullException.ThrowIfNull(histories);
        histories.Check("Pareto/NBD customer histories");
        var result = new double[histories.Count];
        for (var i = 0; i < result.Length; i++) result[i] = f(i);
        return result;
    }

    static void CheckHistory(double x, double recency, double age)
    {
        if (!(x >= 0) || double.IsInfinity(x) || !(recency >= 0) || !(recency <= age) || double.IsInfinity(age))
            throw new LearnerInputException($"a customer history needs x ≥ 0 and 0 ≤ t_x ≤ T < ∞ (got x = {x}, t_x = {recency}, T = {age})");
    }

    static void CheckHorizon(double horizon)
    {
        if (!(horizon >= 0) || double.IsInfinity(horizon)) throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "a horizon is a finite time ≥ 0");
    }

    /// <summary>Writes the model (little-endian binary: parameters, then the fit report).</summary>
    public void Save(Stream stream) => Fit.Write(stream, Magic, _theta);

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">the stream does not hold a Pareto/NBD model</exception>
    public static ParetoNbdModel Load(Stream stream)
    {
        var (theta, fit) = MaximumLikelihoodFit.Read(stream, Magic, "Pareto/NBD", 4);
        return new ParetoNbdModel(theta[0], theta[1], theta[2], theta[3], fit);
    }
}
