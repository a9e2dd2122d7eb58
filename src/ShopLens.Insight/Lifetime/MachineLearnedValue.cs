using ShopLens.Core.Store;
using ShopLens.Learning.Boosting;
using ShopLens.Learning.Supervised;
using ShopLens.Learning.ValueModels;

namespace ShopLens.Insight.Lifetime;

/// <summary>
/// Customer value learned from the profile: trained on the last horizon before the cut-off (features before
/// cut-off − H, spend in [cut-off − H, cut-off)), then applied to the profile at the cut-off to predict the spend of
/// the next H days. Two learners: LightGBM with a Tweedie objective (zero-inflated spend) and the zero-inflated
/// lognormal (ZILN), which also gives the probability of buying again within the horizon and an 80% interval.
/// </summary>
public static class MachineLearnedValue
{
    public const string Gbdt = "ml";
    public const string Ziln = "ziln";

    /// <summary>Predicts spend in [<paramref name="cutOff"/>, cut-off + <paramref name="horizonDays"/>) for every customer with a kept order before it.</summary>
    /// <exception cref="ArgumentException">an unknown model, or too short a history before the cut-off to train on</exception>
    public static ValuePrediction Predict(IShopStore store, DateTime cutOff, int horizonDays, string model, int seed = 1, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(store);
        var train = ValueFrame.Load(store, cutOff.AddDays(-horizonDays), horizonDays);
        if (train.Rows == 0)
            throw new ArgumentException($"no customer had ordered before {cutOff.AddDays(-horizonDays):yyyy-MM-dd}: the {model} model trains on the horizon before the calibration end and needs buyers before that");
        var now = ValueFrame.Load(store, cutOff, null);
        var width = Predictions.TaskFrame.FeatureColumns.Count;
        var labels = train.Spend!;
        if (model == Gbdt)
        {
            using var trees = new GbdtTrainer(new GbdtOptions
            {
                Objective = GbdtObjective.Tweedie, Rounds = 300, LearningRate = 0.05, Leaves = 15,
                MinRowsInLeaf = Math.Clamp(train.Rows / 200, 10, 100), Threads = threads, Seed = seed,
            }).Fit(new LabeledRows(train.Features, width, labels));
            return new ValuePrediction(Gbdt, now.Keys, now.Rows == 0 ? [] : trees.Predict(now.Features));
        }
        if (model == Ziln)
        {
            // Linear heads extrapolate: on raw counts and money a few extreme customers get absurd lognormal means, so
            // the columns are compressed to sign(v)·log(1 + |v|) first, as the ZILN paper feeds log-scaled inputs.
            var compressed = Compress(train.Features);
            var imputer = MedianImputer.Fit(compressed, width);
            var ziln = new ZilnTrainer(new ZilnOptions()).Fit(new LabeledRows(imputer.Transform(compressed), imputer.OutputColumns, labels));
            if (now.Rows == 0) return new ValuePrediction(Ziln, [], [], [], [], []);
            var x = imputer.Transform(Compress(now.Features));
            return new ValuePrediction(Ziln, now.Keys, ziln.Predict(x), ziln.Quantile(x, 0.1), ziln.Quantile(x, 0.9), ziln.Parameters(x).P);
        }
        throw new ArgumentException($"unknown value model '{model}'; use {Gbdt} or {Ziln}");
    }

    static float[] Compress(float[] features) =>
        [.. features.Select(v => float.IsNaN(v) ? v : MathF.Sign(v) * MathF.Log(1 + MathF.Abs(v)))];
}
