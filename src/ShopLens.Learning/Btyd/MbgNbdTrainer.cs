namespace ShopLens.Learning.Btyd;

/// <summary>
/// Fits MBG/NBD (Batislam, Denizel &amp; Filiztekin 2007) by maximum likelihood (<see cref="BgNbdOptions"/>): L-BFGS with the
/// analytic gradient of its likelihood on log(r, α, a, b) from several starts, standard errors from the observed information.
/// </summary>
public sealed class MbgNbdTrainer(BgNbdOptions options)
{
    readonly BgNbdOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Fits the customers' histories; check <see cref="MaximumLikelihoodFit.Converged"/> on the model's <see cref="BetaGeometricModel.Fit"/>.</summary>
    /// <exception cref="LearnerInputException">empty, unequal or invalid histories, named by customer and field</exception>
    /// <exception cref="ArgumentException">an option out of range</exception>
    public MbgNbdModel Fit(CustomerHistories customers, CancellationToken ct = default)
    {
        var (parameters, fit) = _options.Fit(customers, modified: true, ct);
        return new MbgNbdModel(parameters, fit);
    }
}
