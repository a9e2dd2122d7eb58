using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ShopLens.Learning.Sequence;

namespace ShopLens.Bench.Tasks;

/// <summary>
/// T5: the sequence Transformer on a SASRec-format file (<c>user item</c> per line, 1-based ids, each user's lines in
/// time order), with SASRec.pytorch's defaults unless settings say otherwise (<c>epochs=20 maxlen=50 dropout=0.5
/// loss=sampled eval-every=5 threads=2</c>). Leave-one-out as the peer: trained on all but each user's last two items;
/// validation and test ranked in full and against 100 uniform negatives. Prints seconds and tokens per epoch to stderr.
/// </summary>
static class T5Sequence
{
    public static string Run(string file, IReadOnlyList<string> settings)
    {
        var set = settings.Select(s => s.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        string Get(string key, string fallback) => set.GetValueOrDefault(key, fallback);
        var options = new SequenceOptions
        {
            Epochs = int.Parse(Get("epochs", "20"), CultureInfo.InvariantCulture),
            MaxLength = int.Parse(Get("maxlen", "200"), CultureInfo.InvariantCulture),
            Dropout = double.Parse(Get("dropout", "0.2"), CultureInfo.InvariantCulture),
            Dim = int.Parse(Get("dim", "50"), CultureInfo.InvariantCulture),
            Blocks = int.Parse(Get("blocks", "2"), CultureInfo.InvariantCulture),
            Heads = int.Parse(Get("heads", "1"), CultureInfo.InvariantCulture),
            BatchSize = int.Parse(Get("batch", "128"), CultureInfo.InvariantCulture),
            LearningRate = double.Parse(Get("lr", "0.001"), CultureInfo.InvariantCulture),
            Loss = Get("loss", "softmax") == "sampled" ? SequenceLoss.SampledBinaryCrossEntropy : SequenceLoss.SoftmaxCrossEntropy,
            Threads = int.Parse(Get("threads", "2"), CultureInfo.InvariantCulture),
            KindWeight = 0,
            Seed = int.Parse(Get("seed", "42"), CultureInfo.InvariantCulture),
        };
        var evalEvery = int.Parse(Get("eval-every", "0"), CultureInfo.InvariantCulture);

        var clock = Stopwatch.StartNew();
        var data = Read(file);
        var readSeconds = clock.Elapsed.TotalSeconds;
        var split = SequenceEvaluation.SplitLeaveOneOut(data);
        var epochs = new List<Dictionary<string, object>>();
        var fitClock = Stopwatch.StartNew();
        var model = new SequenceTrainer(options).Fit(data, split.TrainingEvents, epochDone: e =>
        {
            var row = new Dictionary<string, object>
            {
                ["epoch"] = e.Epoch, ["loss"] = Math.Round(e.ItemLoss, 4), ["s"] = Math.Round(e.Elapsed.TotalSeconds, 2),
                ["tokens_per_s"] = Math.Round(e.TokensPerSecond),
            };
            if (evalEvery > 0 && e.Epoch % evalEvery == 0 && e.Epoch < options.Epochs)
            {
                var snapshot = e.Snapshot();
                row["valid"] = Figures(SequenceEvaluation.Evaluate(snapshot, data, split.Validation));
                row["test"] = Figures(SequenceEvaluation.Evaluate(snapshot, data, split.Test));
            }
            epochs.Add(row);
            Console.Error.WriteLine(JsonSerializer.Serialize(row));
        });
        var fitSeconds = fitClock.Elapsed.TotalSeconds;
        var evalClock = Stopwatch.StartNew();
        var valid = SequenceEvaluation.Evaluate(model, data, split.Validation);
        var test = SequenceEvaluation.Evaluate(model, data, split.Test);
        var evalSeconds = evalClock.Elapsed.TotalSeconds;
        var popularity = SequenceEvaluation.Popularity(data, split.TrainingEvents, split.Test);
        var (liveMedian, liveP99) = LiveLatency(model, data, split.Test);
        var epochSeconds = epochs.Select(e => (double)e["s"]).ToArray();
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["task"] = "T5", ["peer"] = "shoplens", ["input"] = file,
            ["users"] = data.Count, ["items"] = data.Items, ["events"] = data.Events,
            ["settings"] = new { options.Dim, options.Blocks, options.Heads, maxlen = options.MaxLength, options.Dropout, batch = options.BatchSize, lr = options.LearningRate, loss = options.Loss.ToString(), options.Threads, options.Epochs },
            ["read_s"] = Math.Round(readSeconds, 2),
            ["s_per_epoch_mean"] = Math.Round(epochSeconds.Average(), 2),
            ["s_per_epoch_median"] = Math.Round(epochSeconds.Order().ElementAt(epochSeconds.Length / 2), 2),
            ["fit_s"] = Math.Round(fitSeconds, 1), ["eval_s"] = Math.Round(evalSeconds, 1),
            ["peak_working_set_mb"] = Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20),
            ["live_next_ms_median"] = liveMedian, ["live_next_ms_p99"] = liveP99,
            ["valid"] = Figures(valid), ["test"] = Figures(test), ["test_popularity"] = Figures(popularity),
            ["epochs_log"] = epochs,
        });
    }

    /// <summary>
    /// Live inference as the server does it: per test user (up to 2,000), the state of all but the last event is
    /// built untimed, then one new event is appended (cached keys and values) and the top 10 unseen items taken, timed.
    /// Milliseconds, median and 99th percentile, one thread.
    /// </summary>
    static (double Median, double P99) LiveLatency(SequenceModel model, EventSequences data, IReadOnlyList<SequenceCase> cases)
    {
        var times = new List<double>();
        foreach (var (s, inputs) in cases.Take(2_000))
        {
            var items = data.ItemsOf(s)[..inputs];
            var kinds = data.KindsOf(s)[..inputs];
            var stamps = data.TimesOf(s)[..inputs];
            var state = model.Start();
            state.Reset(items[..^1], kinds[..^1], stamps[..^1]);
            var seen = new HashSet<int>(items.ToArray());
            var clock = Stopwatch.StartNew();
            state.Append(items[^1], kinds[^1], stamps[^1]);
            var top = state.Predict().TopItems(10, seen);
            times.Add(clock.Elapsed.TotalMilliseconds);
            GC.KeepAlive(top);
        }
        times.Sort();
        return (Math.Round(times[times.Count / 2], 3), Math.Round(times[(int)(times.Count * 0.99)], 3));
    }

    static Dictionary<string, object> Figures(IReadOnlyList<SequenceRanking> rankings) => rankings.ToDictionary(r => r.Protocol, r => (object)new
    {
        hr_at_10 = Math.Round(r.HitRate, 4), ndcg_at_10 = Math.Round(r.Ndcg, 4), mrr = Math.Round(r.Mrr, 4), cases = r.Cases,
    });

    /// <summary>The file's users in order of first appearance, items renumbered 0-based by their 1-based ids.</summary>
    static EventSequences Read(string file)
    {
        var sequences = new List<List<int>>();
        var userIndex = new Dictionary<int, int>();
        var items = 0;
        foreach (var line in File.ReadLines(file))
        {
            if (line.Length == 0) continue;
            var space = line.IndexOf(' ');
            var user = int.Parse(line.AsSpan(0, space), CultureInfo.InvariantCulture);
            var item = int.Parse(line.AsSpan(space + 1), CultureInfo.InvariantCulture);
            if (!userIndex.TryGetValue(user, out var u))
            {
                userIndex[user] = u = sequences.Count;
                sequences.Add([]);
            }
            sequences[u].Add(item - 1);
            items = Math.Max(items, item);
        }
        return EventSequences.FromItems(items, [.. sequences.Select(s => s.ToArray())]);
    }
}
