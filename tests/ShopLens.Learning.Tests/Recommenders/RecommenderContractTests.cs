using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Compression;
using ShopLens.Learning.Recommenders;
using ShopLens.Learning.Sequence;

namespace ShopLens.Learning.Tests.Recommenders;

/// <summary>
/// What every fitted recommender promises, whatever its kind: a saved model loads back (by its kind or through
/// <see cref="RecommenderFile"/>) to the same scores and the same bytes, a damaged file is refused naming the model,
/// the same seed gives the same bytes, and a score span of the wrong length is refused.
/// </summary>
[Trait("Issue", "6")]
public sealed class RecommenderContractTests
{
    /// <summary>A learner under test: how it fits with a seed, how its kind loads, and the name its errors give it.</summary>
    sealed record Learner(string Label, Func<int, IRecommender> Fit, Func<Stream, IRecommender> Load);

    /// <summary>Enough users for the hybrid to find held-back items among its candidates and learn a few trees.</summary>
    static readonly Interactions Data = BlockData.Random(60, 50, 8, seed: 7);

    /// <summary>Each of the 50 items described by two of 12 features (as a category and a brand might).</summary>
    static readonly ContentFeatures Features = ContentFeatures.FromTriples(50, 12,
        [.. Enumerable.Range(0, 50).SelectMany(i => new[] { i, i })], [.. Enumerable.Range(0, 50).SelectMany(i => new[] { i % 5, 5 + i % 7 })],
        [.. Enumerable.Repeat(1f, 100)]);

    static AlsModel Als(int seed, Weighting weighting) =>
        new AlsTrainer(new AlsOptions { Factors = 8, Iterations = 5, Weighting = weighting, Threads = 1, Seed = seed }).Fit(Data);

    /// <summary>Each user's items as a sequence, in a seeded order of their own (the matrix keeps no order).</summary>
    static EventSequences Sequences(Interactions data) => EventSequences.FromItems(data.Items,
        [.. Enumerable.Range(0, data.Users).Select(u => data.ItemsOf(u).ToArray().OrderBy(i => (i * 7 + u) % 11).ToArray())]);

    static SequenceOptions SequenceOptions(int seed) => new() { Dim = 8, Blocks = 1, MaxLength = 6, Epochs = 2, Threads = 1, Seed = seed };

    static readonly Dictionary<string, Learner> Learners = new()
    {
        ["popularity"] = new("popularity", _ => new Popularity(Data), Popularity.Load),
        ["trending"] = new("trending", _ => Trending.Fit(50, [.. Data.Columns], [.. Enumerable.Range(0, Data.Count).Select(k => k % 30 * 1.0)], 7), Trending.Load),
        ["itemknn"] = new("item-kNN", _ => ItemKnn.Fit(Data, new ItemKnnOptions { Neighbours = 10, Threads = 1 }), ItemKnn.Load),
        ["ease"] = new("EASE", _ => Ease.Fit(Data, new EaseOptions { L2 = 10, Threads = 1 }), Ease.Load),
        ["als"] = new("ALS", seed => Als(seed, Weighting.None), AlsModel.Load),
        ["als-bm25"] = new("ALS", seed => Als(seed, Weighting.Bm25), AlsModel.Load),
        ["als-tfidf"] = new("ALS", seed => Als(seed, Weighting.TfIdf), AlsModel.Load),
        ["bpr"] = new("BPR", seed => new BprTrainer(new BprOptions { Factors = 8, Epochs = 10, Threads = 1, Seed = seed }).Fit(Data), BprModel.Load),
        ["hybrid"] = new("hybrid", seed => HybridRecommender.Fit(Data,
            [d => new Popularity(d), d => ItemKnn.Fit(d, new ItemKnnOptions { Neighbours = 10, Threads = 1 })],
            new HybridOptions { CandidatesPerSource = 10, Folds = 2, Rounds = 20, Threads = 1, Seed = seed }), HybridRecommender.Load),
        ["hybrid-side"] = new("hybrid", seed => HybridRecommender.Fit(Data,
            [d => new Popularity(d), d => ItemKnn.Fit(d, new ItemKnnOptions { Neighbours = 10, Threads = 1 })],
            new HybridOptions { CandidatesPerSource = 10, Folds = 2, Rounds = 20, Threads = 1, Seed = seed },
            new ItemSideInformation([.. Enumerable.Range(0, 50).Select(i => i % 4)], [.. Enumerable.Range(0, 50).Select(i => i % 7 == 0 ? float.NaN : MathF.Log(1 + i))])),
            HybridRecommender.Load),
        ["sequence"] = new("sequence", seed => SequenceRecommender.Fit(Sequences(Data), SequenceOptions(seed)), SequenceRecommender.Load),
        ["hybrid-sequence"] = new("hybrid", seed => HybridRecommender.Fit(Data,
            [d => new Popularity(d), d => SequenceRecommender.Fit(Sequences(d), SequenceOptions(seed))],
            new HybridOptions { CandidatesPerSource = 10, Folds = 2, Rounds = 20, Threads = 1, Seed = seed }), HybridRecommender.Load),
        ["bought-together"] = new("bought-together", _ => AssociationRules.Mine(Data, new AssociationRuleOptions { MinLift = 0, Threads = 1 }), AssociationRules.Load),
        ["content"] = new("content similarity", _ => ContentSimilarity.Fit(Features, new ContentOptions()), ContentSimilarity.Load),
    };


    public static TheoryData<string> Names => [.. Learners.Keys];

    /// <summary>Each learner fitted once with seed 1: fits are deterministic and models immutable, so tests share them.</summary>
    static readonly ConcurrentDictionary<string, IRecommender> Fitted = new();

    static IRecommender Model(string name) => Fitted.GetOrAdd(name, n => Learners[n].Fit(1));

    static byte[] Bytes(IRecommender model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    /// <summary>Scores for three known users with their histories and for a new user (−1) with a history of four items.</summary>
    static float[][] Scores(IRecommender model)
    {
        var scores = new List<float[]>();
        foreach (var u in new[] { 0, 17, Data.Users - 1 })
        {
            var s = new float[model.Items];
            model.Score(u, Data.ItemsOf(u), Data.WeightsOf(u), s);
            scores.Add(s);
        }
        var fresh = new float[model.Items];
        model.Score(-1, [3, 11, 29, 40], [1f, 2.5f, 4f, 1f], fresh);
        scores.Add(fresh);
        return [.. scores];
    }

    static InvalidDataException Refused(byte[] bytes) => Assert.Throws<InvalidDataException>(() => RecommenderFile.Load(new MemoryStream(bytes)));

    [Theory]
    [MemberData(nameof(Names))]
    public void A_saved_model_loads_back_to_the_same_scores_by_its_kind_or_its_header(string name)
    {
        var model = Model(name);
        var bytes = Bytes(model);
        var stream = new MemoryStream(bytes);
        var loaded = RecommenderFile.Load(stream);
        var byKind = Learners[name].Load(new MemoryStream(bytes));

        Assert.Equal(bytes.Length, stream.Position);
        Assert.Equal(model.GetType(), loaded.GetType());
        Assert.Equal(model.GetType(), byKind.GetType());
        Assert.Equal((model.Name, model.Items), (loaded.Name, loaded.Items));
        var expected = Scores(model);
        Assert.Equal(expected, Scores(loaded));
        Assert.Equal(expected, Scores(byKind));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_model_loads_from_a_stream_that_cannot_seek(string name)
    {
        var model = Model(name);
        var packed = new MemoryStream();
        using (var zip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true)) model.Save(zip);
        using var unzip = new GZipStream(new MemoryStream(packed.ToArray()), CompressionMode.Decompress);

        Assert.Equal(Scores(model), Scores(RecommenderFile.Load(unzip)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Saving_a_loaded_model_gives_the_same_bytes(string name)
    {
        var bytes = Bytes(Model(name));

        Assert.Equal(bytes, Bytes(RecommenderFile.Load(new MemoryStream(bytes))));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_same_seed_gives_the_same_bytes(string name)
    {
        var learner = Learners[name];

        Assert.Equal(Bytes(learner.Fit(3)), Bytes(learner.Fit(3)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_file_cut_short_is_refused_naming_the_model(string name)
    {
        var bytes = Bytes(Model(name));
        var label = Learners[name].Label;

        foreach (var length in new[] { 12, bytes.Length / 2, bytes.Length - 1 })
            Assert.Contains(label, Refused(bytes[..length]).Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_newer_format_or_a_damaged_body_is_refused_naming_the_model(string name)
    {
        var bytes = Bytes(Model(name));
        var label = Learners[name].Label;
        var newer = (byte[])bytes.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(newer.AsSpan(8), 99);
        var damaged = (byte[])bytes.Clone();
        new Random(5).NextBytes(damaged.AsSpan(12));

        var message = Refused(newer).Message;
        Assert.Contains(label, message, StringComparison.Ordinal);
        Assert.Contains("format 99", message, StringComparison.Ordinal);
        Assert.Contains(label, Refused(damaged).Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Another_models_file_is_refused_by_this_kind(string name)
    {
        var other = Bytes(Model(name == "popularity" ? "ease" : "popularity"));
        var label = Learners[name].Label;

        var e = Assert.Throws<InvalidDataException>(() => Learners[name].Load(new MemoryStream(other)));
        Assert.Equal($"not a ShopLens {label} model", e.Message);
    }

    [Fact]
    public void Random_bytes_or_nothing_are_not_a_recommender()
    {
        var noise = new byte[1000];
        new Random(3).NextBytes(noise);

        Assert.Equal("not a ShopLens recommender model", Refused(noise).Message);
        Assert.Equal("not a ShopLens recommender model", Refused([]).Message);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_score_span_of_the_wrong_length_is_refused(string name)
    {
        var model = Model(name);

        foreach (var length in new[] { model.Items - 1, model.Items + 1 })
            Assert.Throws<ArgumentException>(() => model.Score(0, [1, 2], [1f, 1f], new float[length]));
    }
}
