using ShopLens.Learning.Supervised;

namespace ShopLens.Learning.Linear;

/// <summary>
/// Binary logistic regression with an L2 penalty, fitted by L-BFGS from zero: scikit-learn's
/// <c>LogisticRegression(solver="lbfgs")</c> (<see cref="LogisticRegressionOptions"/>), standardising the columns
/// inside the model by default. Labels are 0 or 1; missing (NaN) features are refused, not imputed.
/// </summary>
public sealed class LogisticRegressionTrainer(LogisticRegressionOptions options)
{
    const string What = "logistic regression training rows";

    readonly LogisticRegressionOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Fits the model to <paramref name="data"/> (row weights, if any, multiply the class weights).</summary>
    /// <exception cref="LearnerInputException">no rows, a bad shape, a NaN or infinite value, a label other than 0/1 or one class only</exception>
    /// <exception cref="ArgumentException">an option out of range</exception>
    public LogisticRegressionModel Fit(LabeledRows data, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        _options.Validate();
        data.Check(What, allowMissing: false);
        data.CheckBinary(What);
        ct.ThrowIfCancellationRequested();
        var scaling = _options.Standardize
            ? ColumnScaling.Standardizing(data.Features, data.Columns)
            : ColumnScaling.Identity(data.Columns);
        var objective = new LogisticObjective(data.Features, data.Labels, RowWeights(data), scaling, _options.L2, _options.Threads, ct);
        var theta = new double[objective.Dimension];
        var result = Lbfgs.Minimize(objective, theta, _options.MaxIterations, _options.Tolerance, ct);
        return new LogisticRegressionModel(theta[..data.Columns], theta[data.Columns], scaling, result.Iterations, result.Value);
    }

    /// <summary>Each row's weight times its class's; null when every row weighs 1.</summary>
    double[]? RowWeights(LabeledRows data)
    {
        if (data.Weights is null && _options.ClassWeights == ClassWeights.None) return null;
        double positiveWeight = 1, negativeWeight = 1;
        if (_options.ClassWeights == ClassWeights.Balanced)
        {
            // scikit-learn's compute_class_weight("balanced"): n / (classes · count), counting rows, not their weights.
            var positives = data.Labels.Count(label => label == 1f);
            positiveWeight = data.Rows / (2.0 * positives);
            negativeWeight = data.Rows / (2.0 * (data.Rows - positives));
        }
        var weights = new double[data.Rows];
        for (var i = 0; i < weights.Length; i++)
            weights[i] = (data.Weights?[i] ?? 1.0) * (data.Labels[i] == 1f ? positiveWeight : negativeWeight);
        return weights;
    }
}
