using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace ShopLens.Bench.Tasks;

/// <summary>
/// T2's ML.NET contenders (Microsoft.ML 5.0.1): its LightGBM wrapper with ShopLens's GBDT parameters, and L-BFGS
/// logistic regression after mean–variance scaling with scikit-learn's penalty. Each fit and predict builds its
/// IDataView from the float rows, as a caller holding arrays has to.
/// </summary>
static class T2MlNet
{
    public static ITransformer FitLightGbm(MLContext ml, float[] rows, float[] labels) =>
        ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfIterations = 200,
            LearningRate = 0.1,
            NumberOfLeaves = 63,
            // ML.NET leaves these to data-size heuristics or its own defaults; set to LightGBM's (and GbdtOptions').
            MinimumExampleCountPerLeaf = 20,
            MaximumBinCountPerFeature = 255,
            UseCategoricalSplit = false,
            HandleMissingValue = true,
            UseZeroAsMissingValue = false,
            // ML.NET's default is 0.5, which halves the log-odds the trees fit; LightGBM's (and ShopLens's) is 1.
            Sigmoid = 1.0,
            Booster = new GradientBooster.Options
            {
                MaximumTreeDepth = 6,
                // ML.NET defaults to 0.01 and 0.1; LightGBM's lambda_l2 and min_sum_hessian_in_leaf are 0 and 1e-3.
                L2Regularization = 0,
                MinimumChildWeight = 1e-3,
            },
            NumberOfThreads = 2,
            Seed = 1,
            Deterministic = true,
            ForceColumnWise = true,
        }).Fit(View(ml, rows, labels));

    /// <summary>
    /// ML.NET minimises (Σ loss + ½·L2·‖w‖²) / Σ weights (LbfgsTrainerBase.DifferentiableFunction), scikit-learn
    /// C·Σ loss + ½‖w‖²: the same minimiser when L2 = 1/C, so L2 = 1 for the peer's C = 1; L1 (ML.NET's default 1) off.
    /// </summary>
    public static ITransformer FitLogReg(MLContext ml, float[] rows, float[] labels) =>
        ml.Transforms.NormalizeMeanVariance("Features", fixZero: false)
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                L2Regularization = 1,
                L1Regularization = 0,
                NumberOfThreads = 2,
            }))
            .Fit(View(ml, rows, labels));

    /// <summary>The calibrated probability of a purchase for each row.</summary>
    public static double[] Predict(MLContext ml, ITransformer model, float[] rows)
    {
        var scored = model.Transform(View(ml, rows, null));
        var result = new double[rows.Length / T2Data.Columns];
        var i = 0;
        foreach (var p in scored.GetColumn<float>("Probability")) result[i++] = p;
        return result;
    }

    static IDataView View(MLContext ml, float[] rows, float[]? labels)
    {
        var n = rows.Length / T2Data.Columns;
        var data = new Row[n];
        for (var i = 0; i < n; i++)
            data[i] = new Row { Features = rows.AsSpan(i * T2Data.Columns, T2Data.Columns).ToArray(), Label = labels is not null && labels[i] == 1f };
        return ml.Data.LoadFromEnumerable(data);
    }

    sealed class Row
    {
        [VectorType(T2Data.Columns)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }
}
