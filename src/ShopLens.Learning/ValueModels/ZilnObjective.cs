using ShopLens.Learning.Linear;

namespace ShopLens.Learning.ValueModels;

/// <summary>
/// The ZILN negative log-likelihood of Wang, Liu &amp; Miao (2019), "A Deep Probabilistic Model for Customer Lifetime
/// Value Prediction", with three linear heads on standardised columns x (intercept first): the logit of returning
/// z = w_p·x, the log-scale mean μ = w_μ·x, and σ = softplus(w_s·x). A row with value 0 costs −log(1 − p); a row with
/// value y &gt; 0 costs −log p − log LogNormal(y; μ, σ). Plus ½·λ·‖w‖² on the non-intercept weights.
/// Point layout: [w_p (d+1), w_μ (d+1), w_s (d+1)].
/// </summary>
sealed class ZilnObjective(double[] x, int width, double[] y, double l2) : IObjective
{
    const double HalfLogTwoPi = 0.91893853320467274178;
    const double SigmaFloor = 1e-6;

    public int Dimension => 3 * (width + 1);

    public double Evaluate(ReadOnlySpan<double> point, Span<double> gradient)
    {
        var k = width + 1;
        var wp = point[..k];
        var wm = point[k..(2 * k)];
        var ws = point[(2 * k)..];
        gradient.Clear();
        var gp = gradient[..k];
        var gm = gradient[k..(2 * k)];
        var gs = gradient[(2 * k)..];
        var loss = 0.0;
        var rows = y.Length;
        for (var i = 0; i < rows; i++)
        {
            var row = x.AsSpan(i * width, width);
            var (z, mu, s) = (Head(wp, row), Head(wm, row), Head(ws, row));
            var p = Sigmoid(z);
            double dz, dmu = 0, ds = 0;
            if (y[i] <= 0)
            {
                loss += Softplus(z);
                dz = p;
            }
            else
            {
                var sigma = Softplus(s) + SigmaFloor;
                var e = (Math.Log(y[i]) - mu) / sigma;
                loss += Softplus(-z) + Math.Log(y[i]) + Math.Log(sigma) + HalfLogTwoPi + 0.5 * e * e;
                dz = p - 1;
                dmu = -e / sigma;
                ds = (1 / sigma - e * e / sigma) * Sigmoid(s);
            }
            Accumulate(gp, dz, row);
            if (y[i] > 0)
            {
                Accumulate(gm, dmu, row);
                Accumulate(gs, ds, row);
            }
        }
        for (var h = 0; h < 3; h++)
            for (var j = 1; j < k; j++)
            {
                var w = point[h * k + j];
                loss += 0.5 * l2 * w * w;
                gradient[h * k + j] += l2 * w;
            }
        return loss;
    }

    static double Head(ReadOnlySpan<double> w, ReadOnlySpan<double> row)
    {
        var sum = w[0];
        for (var j = 0; j < row.Length; j++) sum += w[j + 1] * row[j];
        return sum;
    }

    static void Accumulate(Span<double> g, double d, ReadOnlySpan<double> row)
    {
        g[0] += d;
        for (var j = 0; j < row.Length; j++) g[j + 1] += d * row[j];
    }

    internal static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    internal static double Softplus(double z) => z > 0 ? z + double.LogP1(Math.Exp(-z)) : double.LogP1(Math.Exp(z));

    internal static double Sigma(double s) => Softplus(s) + SigmaFloor;
}
