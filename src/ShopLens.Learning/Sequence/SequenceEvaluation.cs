namespace ShopLens.Learning.Sequence;

/// <summary>
/// Ranks held-out next items (<see cref="SequenceCase"/>) under both protocols of <see cref="SequenceRanking"/>, for a
/// trained model or for the popularity baseline every sequential recommender must beat.
/// </summary>
public static class SequenceEvaluation
{
    /// <summary>The SASRec paper's number of sampled negatives.</summary>
    public const int SampledNegatives = 100;

    /// <summary>Leave-one-out as in SASRec: the last event is the test case, the one before it validation, the rest training.</summary>
    public sealed record LeaveOneOut(int[] TrainingEvents, IReadOnlyList<SequenceCase> Validation, IReadOnlyList<SequenceCase> Test);

    /// <summary>
    /// SASRec's split: sequences of three or more events give their last event to test and the one before to
    /// validation; shorter ones are training only.
    /// </summary>
    public static LeaveOneOut SplitLeaveOneOut(EventSequences data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var training = new int[data.Count];
        List<SequenceCase> validation = [], test = [];
        for (var s = 0; s < data.Count; s++)
        {
            var n = data.Length(s);
            training[s] = n < 3 ? n : n - 2;
            if (n < 3) continue;
            validation.Add(new SequenceCase(s, n - 2));
            test.Add(new SequenceCase(s, n - 1));
        }
        return new LeaveOneOut(training, validation, test);
    }

    /// <summary>The model's rankings of the cases: full first, then sampled.</summary>
    /// <exception cref="LearnerInputException">a case without an event before it, or past its sequence's end</exception>
    public static IReadOnlyList<SequenceRanking> Evaluate(SequenceModel model, EventSequences data, IReadOnlyList<SequenceCase> cases, int k = 10, int seed = 42,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        Check(data, cases, k);
        if (data.Items != model.Items || data.Kinds != model.Kinds)
            throw new LearnerInputException($"the model knows {model.Items} items and {model.Kinds} kinds, the data has {data.Items} and {data.Kinds}");
        var ranks = new Ranks(data, cases, k, seed);
        model.ScoreCases(data, cases, ranks.Add, ct);
        return ranks.Results();
    }

    /// <summary>
    /// The popularity baseline's rankings: every case ranks items by how often they occur in the first
    /// <paramref name="trainingEvents"/>[s] events of each sequence s (what a model was trained on).
    /// </summary>
    public static IReadOnlyList<SequenceRanking> Popularity(EventSequences data, int[] trainingEvents, IReadOnlyList<SequenceCase> cases, int k = 10, int seed = 42)
    {
        Check(data, cases, k);
        ArgumentNullException.ThrowIfNull(trainingEvents);
        if (trainingEvents.Length != data.Count) throw new LearnerInputException($"training lengths for {trainingEvents.Length} sequences, but there are {data.Count}");
        var counts = new float[data.Items];
        for (var s = 0; s < data.Count; s++)
            foreach (var item in data.ItemsOf(s)[..trainingEvents[s]]) counts[item]++;
        var ranks = new Ranks(data, cases, k, seed);
        for (var c = 0; c < cases.Count; c++) ranks.Add(c, counts);
        return ranks.Results();
    }

    static void Check(EventSequences data, IReadOnlyList<SequenceCase> cases, int k)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        foreach (var (s, inputs) in cases)
            if ((uint)s >= (uint)data.Count || inputs < 1 || inputs >= data.Length(s))
                throw new LearnerInputException($"case (sequence {s}, {inputs} inputs) has no event before it or none to predict");
    }

    /// <summary>Accumulates each case's rank under both protocols; the sampled negatives come from one seeded stream in case order.</summary>
    sealed class Ranks(EventSequences data, IReadOnlyList<SequenceCase> cases, int k, int seed)
    {
        readonly long[] _full = new long[cases.Count];
        readonly int[] _sampled = new int[cases.Count];

        public void Add(int c, ReadOnlySpan<float> scores)
        {
            var (s, inputs) = cases[c];
            var target = data.ItemsOf(s)[inputs];
            var score = scores[target];
            var above = 0L;
            for (var i = 0; i < scores.Length; i++)
                if (i != target && scores[i] >= score) above++;
            _full[c] = above;
            // Seeded per case (not by HashCode, which differs per process), so a case's negatives do not depend on the others.
            var rng = new Random(unchecked(seed * 1_000_003 + s * 7_919 + inputs));
            var seen = new HashSet<int>(data.ItemsOf(s).ToArray());
            var sampledAbove = 0;
            if (seen.Count < data.Items)
                for (var n = 0; n < SampledNegatives; n++)
                {
                    int j;
                    do j = rng.Next(data.Items); while (seen.Contains(j));
                    if (scores[j] >= score) sampledAbove++;
                }
            _sampled[c] = sampledAbove;
        }

        public IReadOnlyList<SequenceRanking> Results() =>
            [Summary(SequenceRanking.Full, _full), Summary(SequenceRanking.Sampled100Uniform, [.. _sampled.Select(r => (long)r)])];

        SequenceRanking Summary(string protocol, long[] above)
        {
            double hits = 0, ndcg = 0, mrr = 0;
            foreach (var r in above)
            {
                mrr += 1.0 / (r + 1);
                if (r >= k) continue;
                hits++;
                ndcg += 1 / Math.Log2(r + 2);
            }
            var n = Math.Max(1, above.Length);
            return new SequenceRanking(protocol, k, above.Length, hits / n, ndcg / n, mrr / n);
        }
    }
}
