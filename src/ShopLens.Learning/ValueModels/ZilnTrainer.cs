using ShopLens.Learning.Linear;
using ShopLens.Learning.Supervised;

namespace ShopLens.Learning.ValueModels;

/// <summary>
/// Fits the zero-inflated lognormal value model (<see cref="ZilnObjective"/>) by L-BFGS: from features to the
/// probability of any value at all (returning, buying again) and a lognormal for the value when there is one. The
/// labels are the values (spend), 0 or positive.
/// </summary>
public sealed class ZilnTrainer(ZilnOptions options)
{
    readonly ZilnOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <exception cref="LearnerInputException">empty or non-finite input, a negative value, or no positive value at all</exception>
    public ZilnModel Fit(LabeledRows data, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.Check("ZILN training rows", allowMissing: false);
        _options.Validate();
        var (rows, width) = (data.Rows, data.Columns);
        var y = new double[rows];
        var logs = new List<double>();
        for (var i = 0; i < rows; i++)
        {
            if (data.Labels[i] < 0) throw new LearnerInputException($"ZILN training rows: value of row {i} is {data.Labels[i]}; values must be ≥ 0");
            y[i] = data.Labels[i];
            if (y[i] > 0) logs.Add(Math.Log(y[i]));
        }
        if (logs.Count == 0) throw new LearnerInputException("ZILN training rows: every value is 0; the lognormal part needs positive values");
        var (mean, scale) = Standardization(data.Features, width);
        var x = new double[rows * width];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < width; j++) x[i * width + j] = (data.Features[i * width + j] - mean[j]) * scale[j];

        // Start from the intercept-only answer: the share of positive rows and their log values' mean and spread.
        var k = width + 1;
        var point = new double[3 * k];
        var share = Math.Clamp((double)logs.Count / rows, 1e-6, 1 - 1e-6);
        point[0] = Math.Log(share / (1 - share));
        var logMean = logs.Average();
        point[k] = logMean;
        var spread = Math.Max(Math.Sqrt(logs.Sum(l => (l - logMean) * (l - logMean)) / logs.Count), 0.05);
        point[2 * k] = spread + Math.Log(-double.ExpM1(-spread)); // softplus⁻¹
        var result = Lbfgs.Minimize(new ZilnObjective(x, width, y, _options.L2), point, _options.MaxIterations, _options.Tolerance, ct);
        return new ZilnModel(mean, scale, point, result.Iterations, result.Value, result.Stop is LbfgsStop.Gradient or LbfgsStop.NoProgress);
    }

    static (double[] Mean, double[] Scale) Standardization(float[] features, int width)
    {
        var rows = features.Length / width;
        var (mean, scale) = (new double[width], new double[width]);
        for (var j = 0; j < width; j++)
        {
            double sum = 0, squares = 0;
            for (var i = 0; i < rows; i++) sum += features[i * width + j];
            mean[j] = sum / rows;
            for (var i = 0; i < rows; i++)
            {
                var d = features[i * width + j] - mean[j];
                squares += d * d;
            }
            var sd = Math.Sqrt(squares / rows);
            scale[j] = sd > 0 ? 1 / sd : 0; // a constant column carries nothing
        }
        return (mean, scale);
    }
}
