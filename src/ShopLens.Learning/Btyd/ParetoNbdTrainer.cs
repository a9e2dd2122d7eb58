using ShopLens.Learning.Clustering;
using ShopLens.Learning.Numerics;

namespace ShopLens.Learning.Btyd;

/// <summary>
/// Fits the Pareto/NBD (Schmittlein, Morrison &amp; Colombo 1987) to customer histories by maximum likelihood, with the
/// likelihood of Fader, Hardie &amp; Lee's note (<see cref="ParetoNbdLikelihood"/>) and its analytic gradient.
/// </summary>
public sealed class ParetoNbdTrainer(ParetoNbdOptions options)
{
    const string What = "Pareto/NBD customer histories";

    readonly ParetoNbdOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Fits (r, α, s, β); when no start converges the best one is returned with <see cref="MaximumLikelihoodFit.Converged"/> false.</summary>
    /// <exception cref="LearnerInputException">no customers, arrays of different lengths, or a history that is not 0 ≤ t_x ≤ T, T &gt; 0, x ≥ 0</exception>
    /// <exception cref="ArgumentException">an option out of range</exception>
    public ParetoNbdModel Fit(CustomerHistories histories, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(histories);
        _options.Validate();
        histories.Check(What);
        ct.ThrowIfCancellationRequested();
        var total = new Total(histories, _options.Threads, ct);
        var (theta, fit) = MaximumLikelihood.Fit(total, Starts(histories), _options.L2, _options.MaxIterations, _options.Tolerance, ct);
        return new ParetoNbdModel(theta[0], theta[1], theta[2], theta[3], fit);
    }

    /// <summary>BTYD's default start, and two whose mean purchase rate r/α is the data's Σx / ΣT, with β on the scale of the mean age.</summary>
    static double[][] Starts(CustomerHistories histories)
    {
        var meanAge = histories.Age.Average();
        var rate = Math.Max(histories.Frequency.Sum() / histories.Age.Sum(), 1e-3);
        return [[1, 1, 1, 1], [1, 1 / rate, 1, meanAge], [0.5, 0.5 / rate, 0.5, 0.5 * meanAge]];
    }

    /// <summary>Σᵢ log Lᵢ over the histories, in fixed chunks added in order so the sum is the same bits on any threads.</summary>
    internal sealed class Total : ILogLikelihood
    {
        readonly CustomerHistories _h;
        readonly int _threads;
        readonly CancellationToken _ct;
        readonly double[] _partials;
        readonly double[] _theta = new double[4];
        readonly Action<int, int, int> _chunk;

        public Total(CustomerHistories histories, int threads, CancellationToken ct)
        {
            (_h, _threads, _ct) = (histories, threads, ct);
            _partials = new double[RowChunks.Count(histories.Count) * 5];
            _chunk = Chunk;
        }

        public int Dimension => 4;

        public int Customers => _h.Count;

        public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
        {
            theta.CopyTo(_theta);
            RowChunks.For(_h.Count, _threads, _ct, _chunk);
            gradient.Clear();
            var sum = 0.0;
            for (var c = 0; c < _partials.Length; c += 5)
            {
                for (var j = 0; j < 4; j++) gradient[j] += _partials[c + j];
                sum += _partials[c + 4];
            }
            return sum;
        }

        void Chunk(int chunk, int start, int end)
        {
            var partial = _partials.AsSpan(chunk * 5, 5);
            partial.Clear();
            Span<double> g = stackalloc double[4];
            double r = _theta[0], alpha = _theta[1], s = _theta[2], beta = _theta[3];
            double logAlpha = Math.Log(alpha), logBeta = Math.Log(beta), digammaR = SpecialFunctions.Digamma(r);
            for (var i = start; i < end; i++)
            {
                var x = _h.Frequency[i];
                partial[4] += ParetoNbdLikelihood.LogConstant(_theta, x) + ParetoNbdLikelihood.LogBracket(_theta, x, _h.Recency[i], _h.Age[i], g);
                partial[0] += g[0] + SpecialFunctions.Digamma(r + x) - digammaR + logAlpha;
                partial[1] += g[1] + r / alpha;
                partial[2] += g[2] + logBeta;
                partial[3] += g[3] + s / beta;
            }
        }
    }
}
