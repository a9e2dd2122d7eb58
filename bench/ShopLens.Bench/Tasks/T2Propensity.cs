using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Microsoft.ML;
using ShopLens.Core.Import;
using ShopLens.Core.Import.Columnar;
using ShopLens.Learning.Boosting;
using ShopLens.Learning.Supervised;

namespace ShopLens.Bench.Tasks;

/// <summary>
/// T2 purchase propensity (../shared/BENCHMARKS.md, peer peers/t2_propensity.py): the events CSV → 15 features per
/// customer before the cut-off (<see cref="T2Data"/>) → ShopLens's GBDT and logistic regression, ML.NET's LightGBM
/// wrapper and L-BFGS logistic regression, each with fit and predict times, test AUC and log loss in the peer's keys.
/// Optionally dumps the rows for the peers on the same split, and scores a million customers with each model.
/// </summary>
static class T2Propensity
{
    const int Seed = 0;
    const int Million = 1_000_000;

    public static string Run(string input, string? dump, bool scoreMillion)
    {
        var clock = Stopwatch.StartNew();
        var log = EventLogReader.Read(new SourceFile(input), ImportRequest.ParseMap("user_id=customer_id,item_id=product_id,category_id=category,event_type=type"));
        var read = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var data = T2Data.Build(log, Seed);
        var features = clock.Elapsed.TotalSeconds;
        if (dump is not null) data.WriteCsv(dump);
        var million = scoreMillion ? Replicate(data.TestRows, Million) : null;

        var result = new Dictionary<string, object>
        {
            ["task"] = scoreMillion ? "T2-score" : "T2",
            ["input"] = input,
            // Both GBDTs run the one lib_lightgbm that NuGet resolves (the LightGBM package ShopLens.Learning pins).
            ["versions"] = new Dictionary<string, string?>
            {
                ["ml.net"] = typeof(MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0],
            },
            ["read_s"] = Math.Round(read, 3),
            ["features_s"] = Math.Round(features, 3),
            ["users"] = data.Users,
            ["n_features"] = T2Data.Columns,
            ["pos_rate"] = Math.Round(data.Labels.Average(), 4),
            ["n_train"] = data.Train.Length,
            ["n_test"] = data.Test.Length,
            ["test_pos"] = (int)data.TestLabels.Sum(),
        };
        var gbdt = new GbdtTrainer(new GbdtOptions
        {
            Objective = GbdtObjective.Binary, Rounds = 200, LearningRate = 0.1, MaxDepth = 6, Leaves = 63, Threads = 2,
        });
        result["shoplens_gbdt"] = Measure(data, million,
            () => gbdt.Fit(new LabeledRows(data.TrainRows, T2Data.Columns, data.TrainLabels)), (m, rows) => m.Predict(rows));
        var ml = new MLContext(seed: Seed);
        result["mlnet_lightgbm"] = Measure(data, million,
            () => T2MlNet.FitLightGbm(ml, data.TrainRows, data.TrainLabels), (m, rows) => T2MlNet.Predict(ml, m, rows));
        result["mlnet_logreg"] = Measure(data, million,
            () => T2MlNet.FitLogReg(ml, data.TrainRows, data.TrainLabels), (m, rows) => T2MlNet.Predict(ml, m, rows));
        result["shoplens_logreg"] = Measure(data, million,
            () => T2ShopLensLogReg.Fit(data.TrainRows, data.TrainLabels), T2ShopLensLogReg.Predict);
        result["peak_rss_mb"] = Process.GetCurrentProcess().PeakWorkingSet64 >> 20;
        return JsonSerializer.Serialize(result);
    }

    // fit_s and predict_s are first calls (JIT included, as a fresh process sees them); refit_s is a second fit, warm
    // (for ML.NET's LightGBM not quite the same model: it draws its binning sample from the context's generator).
    static Dictionary<string, double> Measure<TModel>(T2Data data, float[]? million, Func<TModel> fit, Func<TModel, float[], double[]> predict)
    {
        var clock = Stopwatch.StartNew();
        var model = fit();
        var fitSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var p = predict(model, data.TestRows);
        var predictSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        (fit() as IDisposable)?.Dispose();
        var refitSeconds = clock.Elapsed.TotalSeconds;
        var figures = new Dictionary<string, double>
        {
            ["fit_s"] = Math.Round(fitSeconds, 3),
            ["predict_s"] = Math.Round(predictSeconds, 3),
            ["auc"] = Math.Round(ShopLens.Learning.Evaluation.RocAuc.Compute(data.TestLabels, p), 4),
            ["logloss"] = Math.Round(ShopLens.Learning.Evaluation.LogLoss.Compute(data.TestLabels, p), 5),
            ["refit_s"] = Math.Round(refitSeconds, 3),
        };
        if (million is not null)
        {
            clock.Restart();
            predict(model, million);
            figures["predict_1m_s"] = Math.Round(clock.Elapsed.TotalSeconds, 3);
        }
        (model as IDisposable)?.Dispose();
        return figures;
    }

    // The test rows repeated up to n customers: a scoring run over a whole customer base.
    static float[] Replicate(float[] rows, int n)
    {
        var result = new float[(long)n * T2Data.Columns];
        for (var at = 0; at < result.Length; at += rows.Length)
            rows.AsSpan(0, Math.Min(rows.Length, result.Length - at)).CopyTo(result.AsSpan(at));
        return result;
    }
}
