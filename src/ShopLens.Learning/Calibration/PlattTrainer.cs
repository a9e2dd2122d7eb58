namespace ShopLens.Learning.Calibration;

/// <summary>
/// Platt scaling (Platt 1999): p = 1 / (1 + exp(A·s + B)), fitted by maximum likelihood on (score, label) pairs
/// with Platt's smoothed targets, (N₊ + 1)/(N₊ + 2) for a positive and 1/(N₋ + 2) for a negative, which keep A and B
/// finite even when the scores separate the classes. Newton's method with a backtracking line search, as the
/// pseudo-code of Lin, Lin and Weng (2007). Same sign convention and optimum as scikit-learn's
/// <c>_sigmoid_calibration</c>, so a score that ranks positives higher gets A &lt; 0.
/// </summary>
public sealed class PlattTrainer(PlattOptions options)
{
    const string What = "Platt scaling";

    readonly PlattOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Fits A and B on (score, 0/1 label) pairs; one class alone is allowed (its targets are smoothed too).</summary>
    /// <exception cref="LearnerInputException">no pairs, unequal lengths, a score that is not finite or a label other than 0/1</exception>
    /// <exception cref="ArgumentException">an option out of range</exception>
    public PlattModel Fit(ReadOnlySpan<double> scores, ReadOnlySpan<float> labels, CancellationToken ct = default)
    {
        _options.Validate();
        CalibrationInput.CheckFit(scores, labels, What, binary: true);
        var positives = 0;
        foreach (var label in labels) positives += (int)label;
        var negatives = labels.Length - positives;
        var targets = new Targets((positives + 1.0) / (positives + 2.0), 1.0 / (negatives + 2.0));

        // Start from A = 0 and B at the smoothed prior's log-odds of label 0.
        double a = 0, b = Math.Log((negatives + 1.0) / (positives + 1.0));
        var loss = Loss(scores, labels, targets, a, b);
        var steps = 0;
        for (; steps < _options.MaxIterations; steps++)
        {
            ct.ThrowIfCancellationRequested();
            var (g1, g2, h11, h22, h21) = GradientAndHessian(scores, labels, targets, a, b);
            if (Math.Abs(g1) < _options.GradientTolerance && Math.Abs(g2) < _options.GradientTolerance) break;
            var det = h11 * h22 - h21 * h21;
            var (dA, dB) = (-(h22 * g1 - h21 * g2) / det, -(-h21 * g1 + h11 * g2) / det);
            var slope = g1 * dA + g2 * dB;
            var step = 1.0;
            // Backtrack until the loss falls by a sufficient amount (Armijo's rule, factor 1e-4).
            for (; step >= _options.MinStep; step /= 2)
            {
                var next = Loss(scores, labels, targets, a + step * dA, b + step * dB);
                if (next < loss + 1e-4 * step * slope)
                {
                    (a, b, loss) = (a + step * dA, b + step * dB, next);
                    break;
                }
            }
            if (step < _options.MinStep) break;
        }
        return new PlattModel(a, b, steps);
    }

    readonly record struct Targets(double Positive, double Negative);

    /// <summary>
    /// The cross-entropy of the smoothed targets under p = 1/(1 + exp(f)), f = A·s + B, written so that exp never
    /// overflows (the reformulation of Lin, Lin and Weng 2007).
    /// </summary>
    static double Loss(ReadOnlySpan<double> scores, ReadOnlySpan<float> labels, Targets targets, double a, double b)
    {
        var sum = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            var t = labels[i] == 1f ? targets.Positive : targets.Negative;
            var f = scores[i] * a + b;
            sum += f >= 0 ? t * f + Math.Log(1 + Math.Exp(-f)) : (t - 1) * f + Math.Log(1 + Math.Exp(f));
        }
        return sum;
    }

    /// <summary>The loss's gradient (g1 = ∂/∂A, g2 = ∂/∂B) and Hessian (h11, h22, h21), the ridge on the diagonal.</summary>
    (double G1, double G2, double H11, double H22, double H21) GradientAndHessian(
        ReadOnlySpan<double> scores, ReadOnlySpan<float> labels, Targets targets, double a, double b)
    {
        double g1 = 0, g2 = 0, h11 = _options.HessianRidge, h22 = _options.HessianRidge, h21 = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var s = scores[i];
            var f = s * a + b;
            // p = 1/(1 + e^f) and q = 1 − p, each from the exponential that cannot overflow.
            double p, q;
            if (f >= 0)
            {
                var e = Math.Exp(-f);
                (p, q) = (e / (1 + e), 1 / (1 + e));
            }
            else
            {
                var e = Math.Exp(f);
                (p, q) = (1 / (1 + e), e / (1 + e));
            }
            var d2 = p * q;
            h11 += s * s * d2;
            h22 += d2;
            h21 += s * d2;
            var d1 = (labels[i] == 1f ? targets.Positive : targets.Negative) - p;
            g1 += s * d1;
            g2 += d1;
        }
        return (g1, g2, h11, h22, h21);
    }
}
