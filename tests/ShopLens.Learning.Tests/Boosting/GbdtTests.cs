using ShopLens.Learning.Boosting;
using ShopLens.Learning.Supervised;
using Xunit.Abstractions;

namespace ShopLens.Learning.Tests.Boosting;

public sealed class GbdtTests(ITestOutputHelper output)
{
    static readonly GbdtOptions Small = new() { Rounds = 50, Leaves = 15, Threads = 1 };

    [Fact]
    public void Shap_contributions_sum_to_the_raw_score()
    {
        var data = GbdtData.Noisy(3000, 6, seed: 3);
        using var model = new GbdtTrainer(Small).Fit(data);
        var raw = model.RawScores(data.Features);
        var contributions = model.Contributions(data.Features);
        var worst = 0.0;
        for (var i = 0; i < data.Rows; i++)
        {
            var sum = 0.0;
            for (var j = 0; j <= data.Columns; j++) sum += contributions[i * (data.Columns + 1) + j];
            worst = Math.Max(worst, Math.Abs(sum - raw[i]));
        }
        output.WriteLine($"SHAP: contributions + bias vs raw score over {data.Rows} rows, max |diff| {worst:E2} (tolerance 1e-6)");
        Assert.True(worst < 1e-6, $"max |diff| {worst}");
    }

    /// <summary>
    /// LightGBM keeps its thread count in one process-wide variable that every call with parameters sets, and the
    /// validation NDCG is a sum over queries split among the threads: SHAP on a two-thread count running beside a
    /// one-thread training must not change what that training saves.
    /// </summary>
    [Fact]
    public async Task A_training_is_not_changed_by_native_predictions_running_beside_it()
    {
        var (train, validation) = (GbdtData.Noisy(20_000, 8, seed: 5), GbdtData.Noisy(20_000, 8, seed: 7));
        var groups = Enumerable.Repeat(20, 1000).ToArray();
        var trainer = new GbdtTrainer(new GbdtOptions { Objective = GbdtObjective.LambdaRank, Rounds = 40, Leaves = 31, Threads = 1, Seed = 3 });
        using var alone = trainer.FitRanking(train, groups, validation, groups);
        using var other = new GbdtTrainer(Small with { Threads = 2 }).Fit(GbdtData.Noisy(500, 8, seed: 6));
        using var stop = new CancellationTokenSource();
        var running = new TaskCompletionSource();
        var predictions = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                other.Contributions(train.Features[..(8 * 100)]);
                running.TrySetResult();
            }
        });
        await running.Task;

        using var beside = trainer.FitRanking(train, groups, validation, groups);
        await stop.CancelAsync();
        await predictions;

        Assert.Equal(Bytes(alone), Bytes(beside));
    }

    static byte[] Bytes(GbdtModel model)
    {
        var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    [Fact]
    public void Separable_data_is_ranked_almost_perfectly_on_unseen_rows()
    {
        var train = GbdtData.Separable(5000, 6, seed: 21);
        var test = GbdtData.Separable(2000, 6, seed: 22);
        using var model = new GbdtTrainer(Small with { Rounds = 100 }).Fit(train);
        var auc = ShopLens.Learning.Evaluation.RocAuc.Compute(test.Labels, model.Predict(test.Features));
        output.WriteLine($"AUC on unseen separable rows: {auc:F5}");
        Assert.True(auc >= 0.99, $"AUC {auc}");
    }

    [Fact]
    public void Probabilities_are_the_sigmoid_of_the_raw_scores()
    {
        var data = GbdtData.Noisy(1000, 4, seed: 5);
        using var model = new GbdtTrainer(Small).Fit(data);
        var p = model.Predict(data.Features);
        var raw = model.RawScores(data.Features);
        for (var i = 0; i < p.Length; i++) Assert.Equal(1 / (1 + Math.Exp(-raw[i])), p[i], 12);
    }

    [Fact]
    public void Gain_importance_finds_the_informative_columns()
    {
        var data = GbdtData.Separable(4000, 5, seed: 7);
        using var model = new GbdtTrainer(Small).Fit(data);
        var gain = model.GainImportance();
        var ranked = Enumerable.Range(0, 5).OrderByDescending(j => gain[j]).ToArray();
        Assert.Equal([0, 1], ranked[..2].Order().ToArray());
        Assert.Equal(model.Columns, model.SplitImportance().Length);
    }

    [Fact]
    public void Permutation_importance_finds_the_informative_columns()
    {
        var train = GbdtData.Separable(4000, 4, seed: 8);
        var test = GbdtData.Separable(2000, 4, seed: 9);
        using var model = new GbdtTrainer(Small).Fit(train);
        var drops = PermutationImportance.Compute(model, test, Accuracy, repeats: 3, seed: 1);
        Assert.True(drops[0].Mean > 0.2 && drops[1].Mean > 0.2, $"{drops[0]} {drops[1]}");
        Assert.True(Math.Abs(drops[2].Mean) < 0.02 && Math.Abs(drops[3].Mean) < 0.02, $"{drops[2]} {drops[3]}");
    }

    static double Accuracy(float[] labels, double[] p) =>
        labels.Select((y, i) => (p[i] > 0.5 ? 1f : 0f) == y ? 1.0 : 0.0).Average();

    [Fact]
    public void Early_stopping_keeps_the_best_round()
    {
        var train = GbdtData.Noisy(2000, 6, seed: 11);
        var validation = GbdtData.Noisy(1000, 6, seed: 12);
        var options = Small with { Rounds = 400, LearningRate = 0.3, EarlyStoppingRounds = 10 };
        using var model = new GbdtTrainer(options).Fit(train, validation);
        var losses = model.ValidationLoss.ToArray();
        Assert.True(losses.Length < 400, "noisy data with a high learning rate overfits long before 400 rounds");
        Assert.Equal(losses.Length - 10, model.Rounds);
        Assert.Equal(losses.Min(), losses[model.Rounds - 1]);
    }

    [Fact]
    public void Missing_values_are_used_as_information()
    {
        // The label is exactly "column 0 is missing": only a learner that routes NaN separately can learn it.
        var rng = new Random(2);
        var x = new float[2000 * 2];
        var y = new float[2000];
        for (var i = 0; i < 2000; i++)
        {
            y[i] = rng.Next(2);
            x[i * 2] = y[i] == 1 ? float.NaN : (float)rng.NextDouble();
            x[i * 2 + 1] = (float)rng.NextDouble();
        }
        using var model = new GbdtTrainer(Small).Fit(new LabeledRows(x, 2, y));
        var p = model.Predict(x);
        Assert.All(Enumerable.Range(0, 2000), i => Assert.Equal(y[i], p[i] > 0.5 ? 1f : 0f));
    }

    [Fact]
    public void Categorical_columns_split_by_category()
    {
        // Categories 1, 4 and 7 are positive: not a threshold on the code, so one categorical split is needed.
        var rng = new Random(4);
        var x = new float[3000];
        var y = new float[3000];
        for (var i = 0; i < 3000; i++)
        {
            x[i] = rng.Next(9);
            y[i] = x[i] is 1 or 4 or 7 ? 1 : 0;
        }
        var stumps = Small with { Rounds = 1, Leaves = 2, LearningRate = 1, MinRowsInLeaf = 5, CategoricalColumns = [0] };
        using var model = new GbdtTrainer(stumps).Fit(new LabeledRows(x, 1, y));
        var p = model.Predict(x);
        Assert.All(Enumerable.Range(0, 3000), i => Assert.Equal(y[i], p[i] > 0.5 ? 1f : 0f));
        Assert.Throws<LearnerInputException>(() => new GbdtTrainer(stumps).Fit(new LabeledRows([0.5f, 1f], 1, [0f, 1f])));
    }

    [Fact]
    public void Regression_and_tweedie_fit_their_targets()
    {
        var rng = new Random(6);
        var x = new float[4000];
        var y = new float[4000];
        var spend = new float[4000];
        for (var i = 0; i < 4000; i++)
        {
            x[i] = (float)rng.NextDouble();
            y[i] = 3 * x[i];
            spend[i] = rng.NextDouble() < x[i] ? (float)(10 * x[i]) : 0; // zero-inflated, mean 10·x²
        }
        using var regression = new GbdtTrainer(Small with { Objective = GbdtObjective.Regression }).Fit(new LabeledRows(x, 1, y));
        var fitted = regression.Predict([0.25f, 0.75f]);
        Assert.Equal(0.75, fitted[0], 1);
        Assert.Equal(2.25, fitted[1], 1);
        using var tweedie = new GbdtTrainer(Small with { Objective = GbdtObjective.Tweedie }).Fit(new LabeledRows(x, 1, spend));
        var mean = tweedie.Predict([0.5f, 0.9f]);
        Assert.InRange(mean[0], 2.5 - 0.8, 2.5 + 0.8);
        Assert.InRange(mean[1], 8.1 - 1.5, 8.1 + 1.5);
        Assert.Throws<LearnerInputException>(() =>
            new GbdtTrainer(Small with { Objective = GbdtObjective.Tweedie }).Fit(new LabeledRows([0f, 1f], 1, [1f, -1f])));
    }

    [Fact]
    public void Lambdarank_orders_each_group_by_relevance()
    {
        // 200 queries of 10 items; relevance = the item's first feature bucketed into grades 0–3.
        var rng = new Random(10);
        const int groups = 200, size = 10;
        var x = new float[groups * size * 2];
        var y = new float[groups * size];
        for (var i = 0; i < groups * size; i++)
        {
            x[i * 2] = (float)rng.NextDouble();
            x[i * 2 + 1] = (float)rng.NextDouble();
            y[i] = MathF.Floor(x[i * 2] * 4);
        }
        var sizes = Enumerable.Repeat(size, groups).ToArray();
        var ranker = new GbdtTrainer(Small with { Objective = GbdtObjective.LambdaRank });
        using var model = ranker.FitRanking(new LabeledRows(x, 2, y), sizes);
        var scores = model.Predict([0.9f, 0.5f, 0.1f, 0.5f, 0.5f, 0.5f]);
        Assert.True(scores[0] > scores[2] && scores[2] > scores[1], string.Join(", ", scores));
        Assert.Throws<ArgumentException>(() => ranker.Fit(new LabeledRows(x, 2, y)));
        Assert.Throws<LearnerInputException>(() => ranker.FitRanking(new LabeledRows(x, 2, y), [5, 5]));
    }

    [Fact]
    public void Options_out_of_range_are_named()
    {
        var data = GbdtData.Separable(100, 2, seed: 1);
        var error = Assert.Throws<ArgumentException>(() => new GbdtTrainer(Small with { Leaves = 1 }).Fit(data));
        Assert.Contains("Leaves", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new GbdtTrainer(Small with { EarlyStoppingRounds = 5 }).Fit(data));
    }
}
