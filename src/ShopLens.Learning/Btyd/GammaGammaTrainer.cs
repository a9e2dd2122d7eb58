namespace ShopLens.Learning.Btyd;

/// <summary>
/// Fits the Gamma-Gamma spend model (Fader &amp; Hardie 2013, after Colombo &amp; Jiang 1999) by maximum likelihood
/// over the customers with at least one repeat purchase; those with x = 0 carry no spend information and are skipped.
/// </summary>
public sealed class GammaGammaTrainer(GammaGammaOptions options)
{
    const string What = "Gamma-Gamma spend histories";

    readonly GammaGammaOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Fits (p, q, γ); when no start converges the best one is returned with <see cref="MaximumLikelihoodFit.Converged"/> false.</summary>
    /// <exception cref="LearnerInputException">no customers, different lengths, a bad value, or no customer with x &gt; 0</exception>
    /// <exception cref="ArgumentException">an option out of range</exception>
    public GammaGammaModel Fit(SpendHistories spend, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(spend);
        _options.Validate();
        spend.Check(What);
        ct.ThrowIfCancellationRequested();
        var repeat = Enumerable.Range(0, spend.Count).Where(i => spend.Frequency[i] > 0).ToArray();
        if (repeat.Length == 0) throw new LearnerInputException($"{What}: no customer has a repeat purchase");
        var total = new Total([.. repeat.Select(i => spend.Frequency[i])], [.. repeat.Select(i => spend.MeanValue[i])]);
        var (theta, fit) = MaximumLikelihood.Fit(total, Starts(total.MeanValue), _options.L2, _options.MaxIterations, _options.Tolerance, ct);
        return new GammaGammaModel(theta[0], theta[1], theta[2], fit);
    }

    /// <summary>lifetimes' (1, 1, 1), and two whose population mean pγ/(q − 1) is the data's mean z̄.</summary>
    static double[][] Starts(double[] meanValue)
    {
        var mean = meanValue.Average();
        return [[1, 1, 1], [1, 2, mean], [4, 3, 0.5 * mean]];
    }

    /// <summary>Σᵢ log f(z̄ᵢ | xᵢ) over the customers with x &gt; 0.</summary>
    internal sealed class Total(double[] frequency, double[] meanValue) : ILogLikelihood
    {
        public double[] MeanValue => meanValue;

        public int Dimension => 3;

        public int Customers => frequency.Length;

        public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
        {
            Span<double> g = stackalloc double[3];
            gradient.Clear();
            var sum = 0.0;
            for (var i = 0; i < frequency.Length; i++)
            {
                sum += GammaGammaLikelihood.LogLikelihood(theta, frequency[i], meanValue[i], g);
                for (var j = 0; j < 3; j++) gradient[j] += g[j];
            }
            return sum;
        }
    }
}
