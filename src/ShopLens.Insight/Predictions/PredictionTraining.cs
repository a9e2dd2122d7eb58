using System.Diagnostics;
using ShopLens.Core.Store;
using ShopLens.Learning.Evaluation;

namespace ShopLens.Insight.Predictions;

/// <summary>
/// Trains a prediction task with a leakage-safe backtest. With T the scoring moment and H the horizon:
/// the recipe (learner choice, early stopping, calibration; <see cref="ScorerFit"/>) is fitted on the customers at
/// T − 2H with outcomes in [T − 2H, T − H), stacked with earlier snapshots a horizon apart, and judged on the
/// customers at T − H with outcomes in [T − H, T) — a later period it never saw; those figures fill the model card.
/// The same recipe is then refitted on the snapshots up to T − H (outcomes up to T) and scores the customers at T.
/// </summary>
public static class PredictionTraining
{
    /// <summary>Runs the backtest and the final fit; the caller saves the result (<see cref="SavedModels"/>).</summary>
    /// <exception cref="InsufficientDataException">the store's history is too short or the outcome never varies</exception>
    public static TrainedPrediction Train(IShopStore store, PredictionTask task, TrainingOptions options, TimeProvider? time = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(options);
        task.Validate();
        var clock = Stopwatch.StartNew();
        options.Validate();
        var scoreCut = options.AsOf ?? TaskFrame.DefaultScoreTime(store);
        if (scoreCut > TaskFrame.DefaultScoreTime(store))
            throw new ArgumentException($"--as-of {scoreCut:yyyy-MM-dd HH:mm} is after the data end {TaskFrame.DataEnd(store):yyyy-MM-dd HH:mm}: the test period's outcomes would be cut short");
        var testCut = scoreCut.AddDays(-task.HorizonDays);
        var trainCut = testCut.AddDays(-task.HorizonDays);

        // The final fit's earlier snapshots are the backtest's: each labelled cut-off is computed once.
        var frames = new Dictionary<DateTime, TaskFrame>();
        TaskFrame Labelled(DateTime cut) =>
            frames.TryGetValue(cut, out var frame) ? frame : frames[cut] = Load(store, task, cut, withLabels: true, options, ct);
        var train = Stacked(task, Required(Labelled(trainCut), task, "training"), options.Snapshots, Labelled);
        var test = Required(Labelled(testCut), task, "test");
        var now = Load(store, task, scoreCut, withLabels: false, options, ct);
        if (now.Rows == 0)
            throw new InsufficientDataException($"no customers of the task's population ({task.Population}) at {scoreCut:yyyy-MM-dd HH:mm}: nobody to score");
        var backtest = ScorerFit.Fit(train, options.Learners, options.Seed, options.Threads, ct);
        var testLabels = test.Labels!;
        RequireBothClasses(testLabels, $"test period (from {testCut:yyyy-MM-dd})");
        var testProbabilities = backtest.Scorer.Probabilities(test.Features);
        var metrics = Metrics(testLabels, testProbabilities, options);
        var recencyColumn = TaskFrame.FeatureColumns.ToList().IndexOf("last_active_days");
        var recency = Baseline(test, recencyColumn, task.Kind == PredictionKind.Churn);

        // The deployed model: the chosen learner only, refitted one horizon later.
        var finalTrain = Stacked(task, test, options.Snapshots, Labelled);
        var final = ScorerFit.Fit(finalTrain, [backtest.Scorer.Learner], options.Seed, options.Threads, ct);
        var probabilities = final.Scorer.Probabilities(now.Features);
        var (thin, reason) = Thinness(train, test, metrics, options);
        (double[] Low, double[] High)? intervals = thin ? BootstrapIntervals.Compute(finalTrain, now, probabilities, final.Scorer.Learner, options, ct) : null;

        var card = new ModelCard
        {
            Task = task.Name,
            Outcome = task.Outcome,
            Population = task.Population,
            HorizonDays = task.HorizonDays,
            LookBackDays = task.EffectiveLookBackDays,
            TrainCutOff = trainCut,
            TestCutOff = testCut,
            ScoreCutOff = scoreCut,
            TrainSnapshots = train.Snapshots,
            TrainRows = train.Rows,
            TrainPositives = Positives(train.Labels!),
            TestRows = test.Rows,
            TestPositives = Positives(testLabels),
            ScoredCustomers = now.Rows,
            Learner = backtest.Scorer.Learner,
            CandidateAuc = backtest.CandidateAuc,
            Calibration = backtest.Calibration,
            Test = metrics,
            RecencyBaselineAuc = RocAuc.Compute(testLabels, recency),
            CalibrationCurve = CalibrationCurve.Compute(testLabels, testProbabilities),
            Deciles = Lift.Deciles(testLabels, testProbabilities),
            TopFeatures = TopFeatures(backtest.Scorer, test.Features, 10),
            Confidence = thin ? "low" : "high",
            ConfidenceReason = reason,
            TrainingSeconds = clock.Elapsed.TotalSeconds,
            CreatedAt = (time ?? TimeProvider.System).GetUtcNow().UtcDateTime,
        };
        return new TrainedPrediction(card, final.Scorer, now.Keys, probabilities, intervals);
    }

    /// <summary>The frame at <paramref name="cut"/>, with the sequence model's columns when the options ask for them.</summary>
    static TaskFrame Load(IShopStore store, PredictionTask task, DateTime cut, bool withLabels, TrainingOptions options, CancellationToken ct)
    {
        var frame = TaskFrame.Load(store, task, cut, withLabels);
        return options.SequenceFeatures ? SequenceFeatures.Append(store, frame, task.HorizonDays, options.Threads, ct) : frame;
    }

    static TaskFrame Required(TaskFrame frame, PredictionTask task, string period)
    {
        var cut = frame.CutOff;
        if (frame.Rows == 0)
            throw new InsufficientDataException(
                $"no customers of the task's population ({task.Population}) at the {period} cut-off {cut:yyyy-MM-dd HH:mm}: " +
                $"the backtest needs two horizons ({2 * task.HorizonDays} days) of history after the look-back; use a shorter --horizon or an earlier --as-of");
        return frame;
    }

    /// <summary>The frame and up to <paramref name="snapshots"/> − 1 earlier ones, a horizon apart, stacked; empty early snapshots are left out.</summary>
    static TaskFrame Stacked(PredictionTask task, TaskFrame latest, int snapshots, Func<DateTime, TaskFrame> labelled)
    {
        var frames = new List<TaskFrame> { latest };
        for (var k = 1; k < snapshots; k++)
        {
            var earlier = labelled(latest.CutOff.AddDays(-k * task.HorizonDays));
            if (earlier.Rows == 0) break;
            frames.Add(earlier);
        }
        return TaskFrame.Stack(frames);
    }

    static CardMetrics Metrics(float[] labels, double[] probabilities, TrainingOptions options)
    {
        var m = BinaryMetrics.Compute(labels, probabilities);
        var (low, high) = AucInterval(labels, probabilities, options.BootstrapResamples, options.Seed);
        return new CardMetrics(m.RocAuc, low, high, m.AveragePrecision, m.LogLoss, m.BrierScore, m.ExpectedCalibrationError,
            m.BaseRate, Lift.AtTop(labels, probabilities, 0.1));
    }

    /// <summary>The 2.5th and 97.5th percentiles of AUC over resamples of the test rows (resamples with one class skipped).</summary>
    static (double Low, double High) AucInterval(float[] labels, double[] scores, int resamples, int seed)
    {
        var rng = new Random(seed);
        var aucs = new List<double>(resamples);
        var y = new float[labels.Length];
        var s = new double[labels.Length];
        for (var b = 0; b < resamples; b++)
        {
            var positives = 0;
            for (var i = 0; i < labels.Length; i++)
            {
                var pick = rng.Next(labels.Length);
                (y[i], s[i]) = (labels[pick], scores[pick]);
                positives += (int)y[i];
            }
            if (positives > 0 && positives < labels.Length) aucs.Add(RocAuc.Compute(y, s));
        }
        if (aucs.Count == 0) return (double.NaN, double.NaN);
        aucs.Sort();
        return (aucs[(int)(0.025 * (aucs.Count - 1))], aucs[(int)Math.Ceiling(0.975 * (aucs.Count - 1))]);
    }

    /// <summary>Scores from one column alone: fewer days since the last activity = more likely to buy (or less likely to churn).</summary>
    static double[] Baseline(TaskFrame frame, int column, bool higherIsPositive)
    {
        var width = frame.Width;
        var scores = new double[frame.Rows];
        for (var i = 0; i < frame.Rows; i++)
        {
            var days = frame.Features[i * width + column];
            scores[i] = higherIsPositive ? days : -days;
        }
        return scores;
    }

    static (bool Thin, string? Reason) Thinness(TaskFrame train, TaskFrame test, CardMetrics metrics, TrainingOptions options)
    {
        var fewest = Math.Min(Positives(train.Labels!), Positives(test.Labels!));
        var negatives = Math.Min(train.Rows - Positives(train.Labels!), test.Rows - Positives(test.Labels!));
        if (Math.Min(fewest, negatives) < options.ThinPositives)
            return (true, $"only {Math.Min(fewest, negatives)} customers of the rarer outcome in a period (fewer than {options.ThinPositives}): scores carry bootstrap intervals");
        if (!(metrics.AucHigh - metrics.AucLow <= 0.1))
            return (true, double.IsNaN(metrics.AucLow)
                ? "no bootstrap resample of the test period had both outcomes: scores carry bootstrap intervals"
                : $"the test AUC's 95% interval is {metrics.AucHigh - metrics.AucLow:F2} wide: scores carry bootstrap intervals");
        return (false, null);
    }

    static IReadOnlyList<FeatureWeight> TopFeatures(CustomerScorer scorer, float[] features, int count)
    {
        var width = scorer.Columns.Count;
        var contributions = scorer.Contributions(features);
        var rows = features.Length / width;
        var weight = new double[width];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < width; j++) weight[j] += Math.Abs(contributions[i * (width + 1) + j]);
        return [.. Enumerable.Range(0, width)
            .Select(j => new FeatureWeight(scorer.Columns[j], weight[j] / Math.Max(rows, 1)))
            .OrderByDescending(f => f.Weight).ThenBy(f => f.Feature, StringComparer.Ordinal).Take(count)];
    }

    static int Positives(float[] labels) => labels.Count(y => y == 1);

    static void RequireBothClasses(float[] labels, string period)
    {
        var positives = Positives(labels);
        if (positives == 0 || positives == labels.Length)
            throw new InsufficientDataException($"every customer of the {period} has the same outcome ({positives} of {labels.Length} positive): nothing to evaluate against");
    }
}
