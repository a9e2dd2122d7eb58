namespace ShopLens.Learning.Recommenders;

/// <summary>
/// Implicit-feedback matrix factorisation by alternating least squares (Hu, Koren and Volinsky 2008), as the
/// <c>implicit</c> library's <c>AlternatingLeastSquares</c>: every observed pair is a preference of 1 with confidence
/// 1 + α · weight, every other pair a preference of 0 with confidence 1; each iteration solves all user factors with
/// the item factors fixed, then all item factors, by a few warm-started conjugate-gradient steps per row.
/// </summary>
public sealed class AlsTrainer(AlsOptions options)
{
    readonly AlsOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <exception cref="LearnerInputException">no interactions</exception>
    /// <exception cref="ArgumentException">an option out of range</exception>
    public AlsModel Fit(Interactions interactions, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        _options.Validate();
        if (interactions.Count == 0) throw new LearnerInputException($"ALS needs at least one interaction; the {interactions.Users} × {interactions.Items} matrix has none");
        var o = _options;
        var f = o.Factors;
        var weighting = RowWeighting.Fit(o.Weighting, interactions);
        var byUser = weighting.Apply(interactions);
        var byItem = byUser.Transpose();
        // implicit's start: uniform on [0, 0.01), users then items.
        var rng = new Random(o.Seed);
        var x = new double[checked(byUser.Users * f)];
        var y = new double[checked(byItem.Users * f)];
        for (var k = 0; k < x.Length; k++) x[k] = rng.NextDouble() * 0.01;
        for (var k = 0; k < y.Length; k++) y[k] = rng.NextDouble() * 0.01;
        for (var iteration = 0; iteration < o.Iterations; iteration++)
        {
            ct.ThrowIfCancellationRequested();
            AlsHalfStep.Run(byUser, x, y, f, o.Regularization, o.Alpha, o.CgSteps, o.Threads, ct);
            AlsHalfStep.Run(byItem, y, x, f, o.Regularization, o.Alpha, o.CgSteps, o.Threads, ct);
        }
        return new AlsModel(f, Array.ConvertAll(x, v => (float)v), Array.ConvertAll(y, v => (float)v), o.Regularization, o.Alpha, weighting, o.Threads);
    }
}
