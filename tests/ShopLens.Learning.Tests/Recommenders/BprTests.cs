using ShopLens.Learning.Recommenders;

namespace ShopLens.Learning.Tests.Recommenders;

/// <summary>BPR: the known block answer, learning progress, reproducibility, new users, bad input.</summary>
[Trait("Issue", "6")]
public sealed class BprTests
{
    static readonly BprOptions Small = new() { Factors = 8, LearningRate = 0.05, Epochs = 20 };

    [Theory]
    [InlineData(8)]
    [InlineData(64)]
    public void Every_user_gets_their_withheld_item_first(int factors)
    {
        var x = BlockData.TwoCommunities();
        var model = new BprTrainer(Small with { Factors = factors }).Fit(x);

        Assert.Equal("bpr", model.Name);
        for (var u = 0; u < 40; u++) Assert.Equal(u, BlockData.TopNew(model, x, u));
    }

    [Fact]
    public void The_training_auc_rises_over_the_epochs()
    {
        var x = BlockData.TwoCommunities();
        var aucs = new[] { 1, 2, 5, 10 }.Select(epochs => TrainingAuc(new BprTrainer(Small with { Epochs = epochs }).Fit(x), x)).ToArray();

        for (var k = 1; k < aucs.Length; k++) Assert.True(aucs[k] > aucs[k - 1], $"AUCs {string.Join(", ", aucs)}");
        // Everything but the withheld item, one negative in 21 that ranks with the positives: 1 − ½ · 1/21 ≈ 0.976.
        Assert.InRange(aucs[^1], 0.97, 0.98);
    }

    [Fact]
    public void One_thread_is_reproducible_and_hogwild_threads_learn_too()
    {
        var x = BlockData.TwoCommunities();
        float[] first = new float[40], again = new float[40], other = new float[40];

        new BprTrainer(Small).Fit(x).Score(5, [], [], first);
        new BprTrainer(Small).Fit(x).Score(5, [], [], again);
        new BprTrainer(Small with { Seed = 2 }).Fit(x).Score(5, [], [], other);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.InRange(TrainingAuc(new BprTrainer(Small with { Threads = 2, Epochs = 50 }).Fit(x), x), 0.95, 1);
    }

    [Fact]
    public void A_new_user_is_the_mean_of_their_items_or_the_biases()
    {
        var x = BlockData.TwoCommunities();
        var model = new BprTrainer(Small).Fit(x);
        var scores = new float[40];

        model.Score(-1, [], [], scores);
        Assert.Equal(model.ItemBiases.ToArray(), scores);

        model.Score(-1, [25, 26, 27], [1f, 1f, 1f], scores);
        var f = model.Factors;
        for (var i = 0; i < 40; i++)
        {
            var expected = model.ItemBiases[i];
            for (var j = 0; j < f; j++)
                expected += (model.ItemFactors[25 * f + j] + model.ItemFactors[26 * f + j] + model.ItemFactors[27 * f + j]) / 3 * model.ItemFactors[i * f + j];
            Assert.Equal(expected, scores[i], 1e-5);
        }
        Assert.All(TopItems.Select(scores, 10, [25, 26, 27]), i => Assert.InRange(i, 20, 39));
    }

    [Fact]
    public void Bad_input_is_refused_with_a_clear_message()
    {
        var x = BlockData.TwoCommunities();
        var full = Interactions.FromTriples(2, 2, [0, 0, 1, 1], [0, 1, 0, 1], [1f, 1f, 1f, 1f]);

        Assert.Contains("none", Assert.Throws<LearnerInputException>(() => new BprTrainer(Small).Fit(Interactions.FromTriples(2, 2, [], [], []))).Message, StringComparison.Ordinal);
        Assert.Contains("all 2 users have all 2 items", Assert.Throws<LearnerInputException>(() => new BprTrainer(Small).Fit(full)).Message, StringComparison.Ordinal);
        Assert.Contains("Factors", Assert.Throws<ArgumentException>(() => new BprTrainer(Small with { Factors = 0 }).Fit(x)).Message, StringComparison.Ordinal);
        Assert.Contains("LearningRate", Assert.Throws<ArgumentException>(() => new BprTrainer(Small with { LearningRate = 0 }).Fit(x)).Message, StringComparison.Ordinal);
        Assert.Contains("Regularization", Assert.Throws<ArgumentException>(() => new BprTrainer(Small with { Regularization = -1 }).Fit(x)).Message, StringComparison.Ordinal);
        Assert.Contains("Epochs", Assert.Throws<ArgumentException>(() => new BprTrainer(Small with { Epochs = 0 }).Fit(x)).Message, StringComparison.Ordinal);
        Assert.Contains("Threads", Assert.Throws<ArgumentException>(() => new BprTrainer(Small with { Threads = 0 }).Fit(x)).Message, StringComparison.Ordinal);

        var model = new BprTrainer(Small with { Epochs = 1 }).Fit(x);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Score(-2, [], [], new float[40]));
        Assert.Contains("3 items and 2 weights", Assert.Throws<LearnerInputException>(() => model.Score(-1, [1, 2, 3], [1f, 1f], new float[40])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        var x = BlockData.TwoCommunities();
        Assert.ThrowsAny<OperationCanceledException>(() => new BprTrainer(Small).Fit(x, new CancellationToken(canceled: true)));
        Assert.ThrowsAny<OperationCanceledException>(() => new BprTrainer(Small with { Threads = 2 }).Fit(x, new CancellationToken(canceled: true)));
    }

    /// <summary>Over every user, the fraction of (their item, an item they do not have) pairs scored in that order.</summary>
    static double TrainingAuc(IRecommender model, Interactions x)
    {
        long right = 0, pairs = 0;
        var scores = new float[x.Items];
        for (var u = 0; u < x.Users; u++)
        {
            model.Score(u, [], [], scores);
            var owned = x.ItemsOf(u).ToArray();
            foreach (var i in owned)
                for (var j = 0; j < x.Items; j++)
                {
                    if (Array.IndexOf(owned, j) >= 0) continue;
                    pairs++;
                    if (scores[i] > scores[j]) right++;
                }
        }
        return (double)right / pairs;
    }
}
