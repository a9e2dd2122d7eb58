namespace ShopLens.Learning.Tests.Calibration;

/// <summary>
/// Synthetic scores whose naive probability sigmoid(s) is too timid: s ~ N(0, 1), and the label is 1 with probability
/// sigmoid(2s), so a calibrator fitted on the scores should recover the steeper curve (Platt's A ≈ −2, B ≈ 0).
/// </summary>
static class Miscalibrated
{
    internal static (double[] Scores, float[] Labels) Draw(int rows, int seed)
    {
        var rng = new Random(seed);
        var scores = new double[rows];
        var labels = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            // Box–Muller.
            var s = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            scores[i] = s;
            labels[i] = rng.NextDouble() < Sigmoid(2 * s) ? 1 : 0;
        }
        return (scores, labels);
    }

    internal static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
