using ShopLens.Learning.Boosting;
using ShopLens.Learning.Supervised;

namespace ShopLens.Learning.Recommenders;

/// <summary>
/// Two stages, as production recommenders are built: several sources (EASE, item-kNN, ALS, popularity …) each
/// propose their best items for a user, and LightGBM's LambdaRank orders the union by what each source thought of
/// a candidate (its score, its score over the user's best, its rank), by the item's popularity and the user's history
/// length, and — given <see cref="ItemSideInformation"/> — by the history's share in the candidate's group and the
/// candidate's distance from the history's usual value. The ranker learns from the training data alone: each user's training items are split again (a few
/// times, with different seeds, for more examples), the sources are fitted on the larger part, and the held-back part
/// are the items the ranker should put first. The sources are then refitted on all the training data. Items no source
/// proposes score below every candidate, in the first source's order, so that the whole catalogue stays ranked.
/// </summary>
public sealed class HybridRecommender : IRecommender, IDisposable
{
    internal const string Magic = "SLRECHYB";
    const int FormatVersion = 2;
    const string Label = "hybrid";

    readonly IReadOnlyList<IRecommender> _sources;
    readonly GbdtModel _ranker;
    readonly Scale _scale;
    readonly int _candidates;
    readonly ItemSideInformation? _side;

    HybridRecommender(IReadOnlyList<IRecommender> sources, GbdtModel ranker, Scale scale, int candidates, ItemSideInformation? side) =>
        (_sources, _ranker, _scale, _candidates, _side) = (sources, ranker, scale, candidates, side);

    /// <summary>
    /// Popularity and history length relative to the data's means: the ranker learns on a part of the training data
    /// and scores with all of it, where raw counts are a third larger.
    /// </summary>
    sealed record Scale(float[] Popularity, float MeanHistory)
    {
        public static Scale Of(Interactions data)
        {
            var counts = new float[data.Items];
            foreach (var i in data.Columns) counts[i]++;
            var mean = (float)data.Count / Math.Max(1, data.Items);
            return new Scale([.. counts.Select(c => (1 + c) / (1 + mean))], (float)data.Count / Math.Max(1, data.Users));
        }
    }

    public string Name => "hybrid";

    public int Items => _scale.Popularity.Length;

    /// <summary>Feature columns per candidate: three per source, popularity and history length, then two from side information.</summary>
    static int Columns(int sources, bool side) => 3 * sources + 2 + (side ? 2 : 0);

    /// <summary>
    /// Fits the ranker on an inner split of <paramref name="train"/> and the sources on all of it; <paramref name="innerSplit"/>
    /// gives split f (0 … <see cref="HybridOptions.Folds"/> − 1) as (the sources' matrix, the items to put first) when the
    /// caller knows a better one than each user's random <see cref="HybridOptions.TargetFraction"/> (their latest items, by time);
    /// <paramref name="sources"/> fit one source each on the matrix they are given.
    /// </summary>
    /// <exception cref="LearnerInputException">no sources, no user with a held-back item among the candidates, or side information or an inner split of another shape</exception>
    public static HybridRecommender Fit(Interactions train, IReadOnlyList<Func<Interactions, IRecommender>> sources, HybridOptions options,
        ItemSideInformation? side = null, Func<int, (Interactions Inner, Interactions Targets)>? innerSplit = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);
        side?.Check(train.Items);
        options.Validate();
        if (sources.Count == 0) throw new LearnerInputException("the hybrid needs at least one source");
        var rng = new Random(options.Seed);
        var groups = new List<(float[] Features, float[] Labels, bool Validation)>();
        for (var fold = 0; fold < options.Folds; fold++)
        {
            ct.ThrowIfCancellationRequested();
            var (inner, targets) = innerSplit?.Invoke(fold) ?? InteractionSplit.PerUserRandom(train, options.TargetFraction, options.Seed + fold);
            if ((inner.Users, inner.Items, targets.Users, targets.Items) != (train.Users, train.Items, train.Users, train.Items))
                throw new LearnerInputException($"inner split {fold} is not {train.Users} users × {train.Items} items");
            var innerSources = sources.Select(fit => fit(inner)).ToArray();
            var innerScale = Scale.Of(inner);
            var users = Enumerable.Range(0, train.Users).Where(u => targets.RowStart[u + 1] > targets.RowStart[u]).ToArray();
            var foldGroups = new (float[] Features, float[] Labels, bool Validation)[users.Length];
            var validation = users.Select(_ => rng.NextDouble() < options.ValidationUsers).ToArray();
            Parallel.For(0, users.Length, new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = ct }, n =>
            {
                var u = users[n];
                var (items, features, _) = Candidates(innerSources, innerScale, side, options.CandidatesPerSource, u, inner.ItemsOf(u), inner.WeightsOf(u));
                var wanted = targets.ItemsOf(u);
                var labels = new float[items.Length];
                for (var c = 0; c < items.Length; c++) labels[c] = wanted.BinarySearch(items[c]) >= 0 ? 1 : 0;
                foldGroups[n] = (features, labels, validation[n]);
            });
            groups.AddRange(foldGroups);
            foreach (var s in innerSources.OfType<IDisposable>()) s.Dispose();
        }
        // Groups without a single wanted candidate teach LambdaRank nothing.
        var useful = Enumerable.Range(0, groups.Count).Where(n => groups[n].Labels.Any(l => l > 0)).ToArray();
        var fitPart = useful.Where(n => !groups[n].Validation).ToArray();
        var stopPart = useful.Where(n => groups[n].Validation).ToArray();
        if (fitPart.Length == 0 || stopPart.Length == 0)
            throw new LearnerInputException($"the hybrid found held-back items among the candidates of only {useful.Length} users: too little data to learn a ranking");
        var columns = Columns(sources.Count, side is not null);
        var trainer = new GbdtTrainer(new GbdtOptions
        {
            Objective = GbdtObjective.LambdaRank, Rounds = options.Rounds, LearningRate = 0.05, Leaves = 7, MinRowsInLeaf = 200, L2 = 10,
            NdcgAt = 10, EarlyStoppingRounds = 30, Threads = options.Threads, Seed = options.Seed,
        });
        var ranker = trainer.FitRanking(Rows(groups, fitPart, columns), [.. fitPart.Select(n => groups[n].Labels.Length)],
            Rows(groups, stopPart, columns), [.. stopPart.Select(n => groups[n].Labels.Length)], ct);
        return new HybridRecommender([.. sources.Select(fit => fit(train))], ranker, Scale.Of(train), options.CandidatesPerSource, side);
    }

    public void Score(int user, ReadOnlySpan<int> historyItems, ReadOnlySpan<float> historyWeights, Span<float> scores)
    {
        if (scores.Length != Items) throw new ArgumentException($"scores need {Items} entries, not {scores.Length}", nameof(scores));
        var (items, features, first) = Candidates(_sources, _scale, _side, _candidates, user, historyItems, historyWeights);
        var ranked = items.Length == 0 ? [] : _ranker.RawScores(features);
        var floor = ranked.Length == 0 ? 0 : (float)ranked.Min() - 2;
        // The rest: floor + a logistic squash of the first source's score, strictly between floor and floor + 1.
        for (var i = 0; i < scores.Length; i++) scores[i] = float.IsFinite(first[i]) ? floor + 1 / (1 + MathF.Exp(-first[i])) : float.NegativeInfinity;
        for (var c = 0; c < items.Length; c++) scores[items[c]] = (float)ranked[c];
    }

    /// <summary>The union of the sources' top items for a user (not in the history), each candidate's features, and the first source's scores.</summary>
    static (int[] Items, float[] Features, float[] FirstSource) Candidates(IReadOnlyList<IRecommender> sources, Scale scale, ItemSideInformation? side, int perSource, int user,
        ReadOnlySpan<int> historyItems, ReadOnlySpan<float> historyWeights)
    {
        var n = scale.Popularity.Length;
        var scores = new float[sources.Count][];
        var ranks = new int[sources.Count][];
        var candidates = new SortedSet<int>();
        for (var s = 0; s < sources.Count; s++)
        {
            scores[s] = new float[n];
            sources[s].Score(user, historyItems, historyWeights, scores[s]);
            var top = TopItems.Select(scores[s], perSource, historyItems);
            ranks[s] = new int[n];
            Array.Fill(ranks[s], perSource + 1);
            for (var r = 0; r < top.Length; r++)
            {
                ranks[s][top[r]] = r + 1;
                candidates.Add(top[r]);
            }
        }
        var items = candidates.ToArray();
        var columns = Columns(sources.Count, side is not null);
        var features = new float[items.Length * columns];
        var history = MathF.Log((1 + historyItems.Length) / (1 + scale.MeanHistory));
        // Raw scores change scale when a source is refitted on more data; standardised over the user's candidates they do not.
        var mean = new (float Mean, float Sd)[sources.Count];
        for (var s = 0; s < sources.Count; s++)
        {
            var values = items.Select(i => scores[s][i]).Where(float.IsFinite).ToArray();
            if (values.Length == 0) continue;
            var mu = values.Average();
            mean[s] = (mu, MathF.Sqrt(values.Average(v => (v - mu) * (v - mu))));
        }
        for (var s = 0; s < sources.Count; s++)
        {
            var best = items.Length == 0 ? 0 : items.Max(i => scores[s][i]);
            for (var c = 0; c < items.Length; c++)
            {
                var score = scores[s][items[c]];
                features[c * columns + 3 * s] = float.IsFinite(score) && mean[s] is var (mu, sd) && sd > 0 ? (score - mu) / sd : float.NaN;
                features[c * columns + 3 * s + 1] = best > 0 && float.IsFinite(score) ? score / best : float.NaN;
                features[c * columns + 3 * s + 2] = ranks[s][items[c]];
            }
        }
        var tail = 3 * sources.Count;
        for (var c = 0; c < items.Length; c++)
        {
            features[c * columns + tail] = MathF.Log(scale.Popularity[items[c]]);
            features[c * columns + tail + 1] = history;
        }
        if (side is not null) AddSideFeatures(side, historyItems, items, features, columns, tail + 2);
        return (items, features, scores[0]);
    }

    /// <summary>
    /// Per candidate: the share of the history in its group, and how far its value lies from the history's mean in
    /// the history's own spread (NaN when either is unknown).
    /// </summary>
    static void AddSideFeatures(ItemSideInformation side, ReadOnlySpan<int> historyItems, int[] items, float[] features, int columns, int at)
    {
        var inGroup = new Dictionary<int, int>();
        double sum = 0, squares = 0;
        var known = 0;
        foreach (var i in historyItems)
        {
            inGroup[side.Groups[i]] = inGroup.GetValueOrDefault(side.Groups[i]) + 1;
            if (float.IsNaN(side.Values[i])) continue;
            (sum, squares, known) = (sum + side.Values[i], squares + side.Values[i] * (double)side.Values[i], known + 1);
        }
        var mean = known == 0 ? double.NaN : sum / known;
        // A little spread for a history of one value, so the distance stays finite.
        var spread = known == 0 ? double.NaN : Math.Sqrt(Math.Max(0, squares / known - mean * mean)) + 0.1;
        for (var c = 0; c < items.Length; c++)
        {
            var item = items[c];
            features[c * columns + at] = historyItems.Length == 0 ? float.NaN : inGroup.GetValueOrDefault(side.Groups[item]) / (float)historyItems.Length;
            features[c * columns + at + 1] = (float)(Math.Abs(side.Values[item] - mean) / spread);
        }
    }

    static LabeledRows Rows(List<(float[] Features, float[] Labels, bool Validation)> groups, int[] which, int columns) =>
        new([.. which.SelectMany(n => groups[n].Features)], columns, [.. which.SelectMany(n => groups[n].Labels)]);

    /// <summary>
    /// Writes the candidate count and the scale, then the ranker's file and each source's, one after another: every
    /// part's reader stops at the end of its own part, so no lengths are needed.
    /// </summary>
    public void Save(Stream stream)
    {
        using (var w = RecommenderFile.Writer(stream, Magic, FormatVersion))
        {
            w.Write(_candidates);
            w.Write(Items);
            RecommenderFile.Write(w, _scale.Popularity);
            w.Write(_scale.MeanHistory);
            w.Write(_side is not null);
            if (_side is not null)
            {
                RecommenderFile.Write(w, _side.Groups);
                RecommenderFile.Write(w, _side.Values);
            }
            w.Write(_sources.Count);
        }
        _ranker.Save(stream);
        foreach (var source in _sources) source.Save(stream);
    }

    /// <summary>Reads a model written by <see cref="Save"/>, its sources through <see cref="RecommenderFile.Load"/>.</summary>
    /// <exception cref="InvalidDataException">another header, a newer format, a bad value or part, or a file cut short</exception>
    public static HybridRecommender Load(Stream stream) => RecommenderFile.Load(stream, Magic, Label, Read);

    /// <summary>The rest of the file after its header.</summary>
    internal static HybridRecommender Read(BinaryReader r) => RecommenderFile.Body(r, FormatVersion, Label, () =>
    {
        var candidates = RecommenderFile.ReadCount(r, Label, "candidates per source", least: 1);
        var popularity = RecommenderFile.ReadFloats(r, RecommenderFile.ReadCount(r, Label, "items"), 1, Label, "relative popularity of item");
        for (var i = 0; i < popularity.Length; i++)
            if (!(popularity[i] > 0)) throw new InvalidDataException($"{Label} model: item {i}'s relative popularity is {popularity[i]}");
        var meanHistory = r.ReadSingle();
        if (!(meanHistory >= 0) || float.IsInfinity(meanHistory)) throw new InvalidDataException($"{Label} model: mean history length {meanHistory}");
        ItemSideInformation? side = null;
        if (r.ReadBoolean())
        {
            var groups = RecommenderFile.ReadInts(r, popularity.Length, Label, "item groups");
            var values = new float[popularity.Length];
            for (var i = 0; i < values.Length; i++) values[i] = r.ReadSingle();
            side = new ItemSideInformation(groups, values);
            try
            {
                side.Check(popularity.Length);
            }
            catch (LearnerInputException e)
            {
                throw new InvalidDataException($"{Label} model: {e.Message}", e);
            }
        }
        var sources = new IRecommender[RecommenderFile.ReadCount(r, Label, "sources", least: 1)];
        var ranker = Part("ranker", () => GbdtModel.Load(r.BaseStream));
        try
        {
            var columns = Columns(sources.Length, side is not null);
            if (ranker.Objective != GbdtObjective.LambdaRank || ranker.Columns != columns)
                throw new InvalidDataException($"{Label} model: the ranker is {ranker.Objective} on {ranker.Columns} columns, not LambdaRank on {columns}");
            for (var s = 0; s < sources.Length; s++)
            {
                sources[s] = Part($"source {s}", () => RecommenderFile.Load(r.BaseStream));
                if (sources[s].Items != popularity.Length)
                    throw new InvalidDataException($"{Label} model: source {s} ({sources[s].Name}) scores {sources[s].Items} items, not {popularity.Length}");
            }
            return new HybridRecommender(sources, ranker, new Scale(popularity, meanHistory), candidates, side);
        }
        catch
        {
            ranker.Dispose();
            foreach (var s in sources.OfType<IDisposable>()) s.Dispose();
            throw;
        }
    });

    /// <summary>Loads one part, naming it and the hybrid in any error but a file cut short, which the caller reports.</summary>
    static T Part<T>(string part, Func<T> load)
    {
        try
        {
            return load();
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{Label} model, {part}: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        _ranker.Dispose();
        foreach (var s in _sources.OfType<IDisposable>()) s.Dispose();
    }
}
