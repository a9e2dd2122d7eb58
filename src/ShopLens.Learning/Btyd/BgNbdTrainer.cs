namespace ShopLens.Learning.Btyd;

/// <summary>
/// Fits BG/NBD (Fader, Hardie &amp; Lee 2005) by maximum likelihood (<see cref="BgNbdOptions"/>): L-BFGS with the
/// analytic gradient of eq. 6 on log(r, α, a, b) from several starts, standard errors from the observed information.
/// </summary>
public sealed class BgNbdTrainer(BgNbdOptions options)
{
    readonly BgNbdOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Fits the customers' histories; check <see cref="MaximumLikelihoodFit.Converged"/> on the model's <see cref="BetaGeometricModel.Fit"/>.</summary>
    /// <exception cref="LearnerInputException">empty, unequal or invalid histories, named by customer and field</exception>
    /// <exception cref="ArgumentException">an option out of range</exception>
    public BgNbdModel Fit(CustomerHistories customers, CancellationToken ct = default)
    {
        var (parameters, fit) = _options.Fit(customers, modified: false, ct);
        return new BgNbdModel(parameters, fit);
    }
}
