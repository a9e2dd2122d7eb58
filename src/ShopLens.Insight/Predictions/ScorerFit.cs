using ShopLens.Learning.Boosting;
using ShopLens.Learning.Evaluation;
using ShopLens.Learning.Linear;
using ShopLens.Learning.Supervised;

namespace ShopLens.Insight.Predictions;

/// <summary>
/// Fits a <see cref="CustomerScorer"/> on one labelled frame, its customers cut into five folds by a seeded hash of
/// their keys (a customer's snapshot rows stay together). The trees first find their number of rounds by early
/// stopping on fold 1 while training on folds 2–4. Each candidate learner then scores every customer out of fold
/// (fitted on the other four folds); the candidates are compared by that out-of-fold AUC, the winner's calibration
/// is fitted on its out-of-fold scores, and the winner is refitted on all folds — scikit-learn's
/// <c>CalibratedClassifierCV(ensemble=False)</c>. Nothing here sees another period.
/// </summary>
static class ScorerFit
{
    /// <summary>The scorer and how it was chosen.</summary>
    public sealed record Result(CustomerScorer Scorer, IReadOnlyDictionary<string, double> CandidateAuc, string Calibration);

    /// <summary>Isotonic calibration needs many rows to beat Platt's two parameters (scikit-learn's advice: ~1,000).</summary>
    const int IsotonicMinimumRows = 1000;

    const int Folds = 5;

    /// <summary>A fitted learner before calibration: its raw scores, the scorer it makes with a calibration, and its native model if any.</summary>
    sealed record Fitted(Func<float[], double[]> Raw, Func<ScoreCalibration, IReadOnlyList<string>, CustomerScorer> Make, int Rounds, IDisposable? Native);

    public static Result Fit(TaskFrame frame, IReadOnlyList<string> learners, int seed, int threads, CancellationToken ct)
    {
        if (frame.Labels is null) throw new ArgumentException("the frame has no labels", nameof(frame));
        var fold = frame.Keys.Select(k => Fold(k, seed)).ToArray();
        var all = Rows(frame, _ => true);
        RequireBothClasses(all, "training");
        var candidates = new Dictionary<string, (double Auc, int Rounds, double[] OutOfFold)>();
        foreach (var learner in learners)
        {
            ct.ThrowIfCancellationRequested();
            var rounds = learner == Learners.Gbdt ? TreeRounds(frame, fold, seed, threads, ct) : 0;
            var outOfFold = OutOfFold(frame, fold, learner, rounds, seed, threads, ct);
            candidates[learner] = (RocAuc.Compute(all.Labels, outOfFold), rounds, outOfFold);
        }
        // Highest out-of-fold AUC; ties go to the earlier learner in the list.
        var (name, best) = candidates.OrderByDescending(c => c.Value.Auc).First();
        var calibration = frame.Rows >= IsotonicMinimumRows
            ? ScoreCalibration.FitIsotonic(best.OutOfFold, all.Labels)
            : ScoreCalibration.FitPlatt(best.OutOfFold, all.Labels);
        var model = FitLearner(name, all, null, best.Rounds, seed, threads, ct);
        return new Result(model.Make(calibration, frame.Columns), candidates.ToDictionary(c => c.Key, c => c.Value.Auc), calibration.Method);
    }

    /// <summary>The trees' number of rounds: early stopping on fold 1 while training on folds 2–4.</summary>
    static int TreeRounds(TaskFrame frame, int[] fold, int seed, int threads, CancellationToken ct)
    {
        var stopping = Rows(frame, i => fold[i] == 1);
        RequireBothClasses(stopping, "early-stopping");
        var model = FitLearner(Learners.Gbdt, Rows(frame, i => fold[i] >= 2), stopping, rounds: null, seed, threads, ct);
        model.Native?.Dispose();
        return model.Rounds;
    }

    /// <summary>Scores each fold with the learner fitted on the other four (trees with the given rounds).</summary>
    static double[] OutOfFold(TaskFrame frame, int[] fold, string learner, int rounds, int seed, int threads, CancellationToken ct)
    {
        var raw = new double[frame.Rows];
        for (var k = 0; k < Folds; k++)
        {
            var inFold = Enumerable.Range(0, frame.Rows).Where(i => fold[i] == k).ToArray();
            if (inFold.Length == 0) continue;
            var others = Rows(frame, i => fold[i] != k);
            RequireBothClasses(others, "training");
            var model = FitLearner(learner, others, null, rounds, seed, threads, ct);
            var scores = model.Raw(Rows(frame, i => fold[i] == k).Features);
            model.Native?.Dispose();
            for (var r = 0; r < inFold.Length; r++) raw[inFold[r]] = scores[r];
        }
        return raw;
    }

    static Fitted FitLearner(string learner, LabeledRows fit, LabeledRows? held, int? rounds, int seed, int threads, CancellationToken ct)
    {
        if (learner == Learners.Gbdt)
        {
            var options = TreeOptions(fit.Rows, seed, threads);
            if (rounds is { } fixedRounds) options = options with { Rounds = fixedRounds, EarlyStoppingRounds = 0 };
            var trees = new GbdtTrainer(options).Fit(fit, rounds is null ? held : null, ct);
            return new Fitted(trees.RawScores, (c, columns) => new CustomerScorer(columns, trees, c), trees.Rounds, trees);
        }
        if (learner == Learners.LogisticRegression)
        {
            var imputer = MedianImputer.Fit(fit.Features, fit.Columns);
            var linear = new LogisticRegressionTrainer(new LogisticRegressionOptions { Threads = threads, Seed = seed })
                .Fit(new LabeledRows(imputer.Transform(fit.Features), imputer.OutputColumns, fit.Labels), ct);
            return new Fitted(x => linear.RawScores(imputer.Transform(x)), (c, columns) => new CustomerScorer(columns, linear, imputer, c), 0, null);
        }
        throw new ArgumentException($"unknown learner '{learner}'; use {Learners.Gbdt} or {Learners.LogisticRegression}");
    }

    /// <summary>LightGBM settings for customer tables: slow shrinkage, early stopping, leaves that need a few dozen customers.</summary>
    static GbdtOptions TreeOptions(int rows, int seed, int threads) => new()
    {
        Objective = GbdtObjective.Binary,
        Rounds = 500,
        LearningRate = 0.05,
        Leaves = 31,
        MinRowsInLeaf = Math.Clamp(rows / 500, 20, 200),
        EarlyStoppingRounds = 30,
        // LightGBM's OpenMP threads spin while they wait: on cores shared with other work a 40k-row fit took 197 s on 2
        // threads and 24 s on one. Customer tables below 100k rows train fast enough on one thread.
        Threads = rows < 100_000 ? 1 : threads,
        Seed = seed,
    };

    static LabeledRows Rows(TaskFrame frame, Func<int, bool> keep)
    {
        var width = frame.Width;
        var rows = Enumerable.Range(0, frame.Rows).Where(keep).ToArray();
        var x = new float[rows.Length * width];
        var y = new float[rows.Length];
        for (var r = 0; r < rows.Length; r++)
        {
            frame.Features.AsSpan(rows[r] * width, width).CopyTo(x.AsSpan(r * width));
            y[r] = frame.Labels![rows[r]];
        }
        return new LabeledRows(x, width, y);
    }

    /// <summary>The customer's fold, 0–4, the same for a seed in every period (a multiplicative hash of the key); fold 0 is the held-out fifth.</summary>
    static int Fold(int key, int seed) => (int)((uint)((key ^ seed) * 2654435761u) % Folds);

    static void RequireBothClasses(LabeledRows rows, string part)
    {
        var positives = rows.Labels.Count(y => y == 1);
        if (positives == 0 || positives == rows.Rows)
            throw new InsufficientDataException(
                $"the {part} customers ({rows.Rows}) all have the same outcome ({positives} positives): " +
                "too few customers or too short a history for this task; try a longer --horizon or --look-back");
    }
}
