namespace ShopLens.Learning.Btyd;

/// <summary>
/// Fits MBG/NBD (Batislam, Denizel &amp; Filiztekin 2007) by maximum likelihood (<see cref="MbgNbdOptions"/>): L-BFGS with the
/// analytic gradient of its likelihood on log(r, α, a, b) from several starts, standard errors from the observed information.
/// </summary>
public sealed class MbgNbdTrainer(MbgNbdOptions options)
{
    readonly MbgNbdOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Fits the customers' histories; check <see cref="MaximumLikelihoodFit.Converged"/> on the model's <see cref="BetaGeometricModel.Fit"/>.</summary>
    /// <exception cref="LearnerInputException">empty, unequal or invalid histories, named by customer and field</exception>
    /// <exception cref="ArgumentException">an option out of range</exception>
    public MbgNbdModel Fit(CustomerHistories customers, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(customers);
        customers.Check("training histories");
        _options.Validate();
        var (theta, fit) = MaximumLikelihood.Fit(new BgNbdLikelihood(customers, modified: true),
            BgNbdLikelihood.Starts(customers, _options.Starts, _options.Seed), _options.L2Penalty, _options.MaxIterations,
            _options.GradientTolerance, ct);
        return new MbgNbdModel(BgNbdParameters.From(theta), fit);
    }
}
