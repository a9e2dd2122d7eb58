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
        ArgumentNullException.ThrowIfNull(customers);
        customers.Check("training histories");
        _options.Validate();
        var (theta, fit) = MaximumLikelihood.Fit(new BgNbdLikelihood(customers, modified: false),
            BgNbdLikelihood.Starts(customers, _options.Starts, _options.Seed), _options.L2Penalty, _options.MaxIterations,
            _options.GradientTolerance, ct);
        return new BgNbdModel(BgNbdParameters.From(theta), fit);
    }
}
