using System.Diagnostics;
using ShopLens.Core.Store;
using ShopLens.Insight.Predictions;
using ShopLens.Learning.Sequence;

namespace ShopLens.Insight.Sequences;

/// <summary>
/// Judges the sequence model on the shop's own events without saving it: fits on the training part of a split,
/// ranks each held-out next product in full and against 100 sampled ones, beside the popularity baseline.
/// </summary>
public static class SequenceBacktest
{
    /// <summary>
    /// The backtest's figures: the split and its cut-off (time split), how much it trained on, the held-out cases,
    /// the model's and popularity's rankings (full first), the model's validation rankings (leave-one-out only) and
    /// each epoch's training loss.
    /// </summary>
    public sealed record Result(SequenceSplit Split, DateTime? CutOff, int TrainingEvents, int Customers, int Products, int Cases,
        IReadOnlyList<SequenceRanking> Model, IReadOnlyList<SequenceRanking> Popularity, IReadOnlyList<SequenceRanking>? Validation,
        IReadOnlyList<double> EpochLosses, double FitSeconds);

    /// <summary>
    /// Runs the backtest. For the time split, <paramref name="cutOff"/> is the moment from which events are held out
    /// (default: the time that leaves the latest 10% of events); leave-one-out ignores it.
    /// </summary>
    /// <exception cref="InsufficientDataException">no customer has events on both sides of the split</exception>
    public static Result Run(IShopStore store, SequenceOptions options, SequenceSplit split, DateTime? cutOff = null, int k = 10,
        IProgress<SequenceProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var shop = ShopSequences.Load(store);
        var data = shop.Sequences;
        options = options with { IntentKind = shop.PurchaseKind };
        int[] training;
        IReadOnlyList<SequenceCase> test, validation = [];
        long observedUntil;
        DateTime? cut = null;
        if (split == SequenceSplit.LeaveOneOut)
        {
            var loo = SequenceEvaluation.SplitLeaveOneOut(data);
            (training, validation, test) = (loo.TrainingEvents, loo.Validation, loo.Test);
            observedUntil = Enumerable.Range(0, data.Count).Where(s => training[s] > 0).Max(s => data.TimesOf(s)[training[s] - 1]);
        }
        else
        {
            observedUntil = cutOff is { } c ? ShopSequences.UnixSeconds(c) : LatestTenth(data.Time);
            cut = DateTimeOffset.FromUnixTimeSeconds(observedUntil).UtcDateTime;
            training = new int[data.Count];
            var cases = new List<SequenceCase>();
            for (var s = 0; s < data.Count; s++)
            {
                var times = data.TimesOf(s);
                var before = 0;
                while (before < times.Length && times[before] < observedUntil) before++;
                training[s] = before;
                if (before >= 1 && before < times.Length) cases.Add(new SequenceCase(s, before));
            }
            test = cases;
        }
        if (test.Count == 0)
            throw new InsufficientDataException(split == SequenceSplit.Time
                ? $"no customer has events on products both before and after {cut:yyyy-MM-dd HH:mm:ss}: nothing to hold out"
                : "no customer has three events on products: nothing to hold out");
        var clock = Stopwatch.StartNew();
        var epochs = new List<double>();
        var model = new SequenceTrainer(options).Fit(data, training, observedUntil, progress, e => epochs.Add(Math.Round(e.ItemLoss, 4)), ct);
        var fitSeconds = clock.Elapsed.TotalSeconds;
        return new Result(split, cut, training.Sum(), data.Count, data.Items, test.Count,
            SequenceEvaluation.Evaluate(model, data, test, k, options.Seed, ct), SequenceEvaluation.Popularity(data, training, test, k, options.Seed),
            validation.Count == 0 ? null : SequenceEvaluation.Evaluate(model, data, validation, k, options.Seed, ct), epochs, Math.Round(fitSeconds, 2));
    }

    /// <summary>The time that leaves the latest tenth of all events after it.</summary>
    static long LatestTenth(long[] times)
    {
        var sorted = times.Order().ToArray();
        return sorted[Math.Clamp((int)(sorted.Length * 0.9), 0, sorted.Length - 1)];
    }
}
