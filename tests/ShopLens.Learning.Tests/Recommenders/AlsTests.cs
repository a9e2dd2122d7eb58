using ShopLens.Learning.Recommenders;

namespace ShopLens.Learning.Tests.Recommenders;

/// <summary>Implicit-feedback ALS: the known block answer, the objective, the CG solves against exact ones, fold-in, threads.</summary>
[Trait("Issue", "6")]
public sealed class AlsTests
{
    static readonly AlsOptions Small = new() { Factors = 8, Regularization = 0.1, Alpha = 2, Iterations = 15, Threads = 1 };

    // Two factors fit the two communities; more fit the withheld diagonal's zeros too unless λ holds them back (with
    // 8 factors and λ = 0.1 some users' withheld item falls below an item of the other community).
    [Theory]
    [InlineData(2, 0.01, Weighting.None)]
    [InlineData(2, 0.01, Weighting.Bm25)]
    [InlineData(2, 0.01, Weighting.TfIdf)]
    [InlineData(8, 5.0, Weighting.None)]
    [InlineData(8, 5.0, Weighting.Bm25)]
    [InlineData(8, 5.0, Weighting.TfIdf)]
    public void Every_user_gets_their_withheld_item_first(int factors, double regularization, Weighting weighting)
    {
        var x = BlockData.TwoCommunities();
        var model = new AlsTrainer(Small with { Factors = factors, Regularization = regularization, Weighting = weighting }).Fit(x);

        Assert.Equal("als", model.Name);
        for (var u = 0; u < 40; u++) Assert.Equal(u, BlockData.TopNew(model, x, u));
    }

    [Fact]
    public void Similar_items_are_from_the_same_community()
    {
        var model = new AlsTrainer(Small).Fit(BlockData.TwoCommunities());

        Assert.All(model.SimilarItems(3, 10), i => Assert.InRange(i, 0, 19));
        Assert.All(model.SimilarItems(33, 10), i => Assert.InRange(i, 20, 39));
        Assert.DoesNotContain(3, model.SimilarItems(3, 39));
        Assert.Equal(39, model.SimilarItems(3, 39).Length);
    }

    [Fact]
    public void The_objective_falls_every_iteration()
    {
        var x = BlockData.Random(users: 60, items: 45, perUser: 8, seed: 2);
        var options = Small with { Iterations = 1 };
        var losses = Enumerable.Range(1, 10).Select(n => Loss(x, new AlsTrainer(options with { Iterations = n }).Fit(x), options)).ToArray();

        for (var n = 1; n < losses.Length; n++) Assert.True(losses[n] < losses[n - 1], $"loss after {n + 1} iterations {losses[n]} ≥ after {n}: {losses[n - 1]}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Enough_cg_steps_give_the_exact_row_solutions(int threads)
    {
        const int f = 6;
        const double lambda = 0.1, alpha = 2;
        // 150 rows: three blocks of parallel work, and an empty last row.
        var rows = BlockData.Random(users: 150, items: 30, perUser: 7, seed: 4);
        rows = Interactions.FromTriples(151, 30, Users(rows), rows.Columns, rows.Values);
        var rng = new Random(5);
        var x = Enumerable.Range(0, 151 * f).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var y = Enumerable.Range(0, 30 * f).Select(_ => rng.NextDouble() - 0.5).ToArray();

        AlsHalfStep.Run(rows, x, y, f, lambda, alpha, cgSteps: 20, threads, CancellationToken.None);

        for (var u = 0; u < rows.Users; u++)
        {
            var exact = ExactRow(rows.ItemsOf(u).ToArray(), rows.WeightsOf(u).ToArray(), y, f, lambda, alpha);
            for (var j = 0; j < f; j++) Assert.Equal(exact[j], x[u * f + j], 1e-6);
        }
    }

    [Fact]
    public void The_model_is_the_same_bytes_on_one_thread_or_two()
    {
        // Over 8,192 items, so the GEMM sums YᵀY in chunks of the items; over 64 users, so the rows are solved in parallel blocks.
        var x = BlockData.Random(users: 300, items: 9000, perUser: 10, seed: 6);
        var options = new AlsOptions { Factors = 4, Iterations = 3, Seed = 9 };
        var one = new AlsTrainer(options with { Threads = 1 }).Fit(x);
        var two = new AlsTrainer(options with { Threads = 2 }).Fit(x);

        Assert.Equal(one.UserFactors.ToArray(), two.UserFactors.ToArray());
        Assert.Equal(one.ItemFactors.ToArray(), two.ItemFactors.ToArray());
        Assert.NotEqual(one.ItemFactors.ToArray(), new AlsTrainer(options with { Seed = 10 }).Fit(x).ItemFactors.ToArray());
    }

    [Theory]
    [InlineData(Weighting.None)]
    [InlineData(Weighting.Bm25)]
    public void Folding_in_a_training_users_history_gives_their_learned_scores(Weighting weighting)
    {
        var x = BlockData.Random(users: 50, items: 40, perUser: 8, seed: 8);
        // Converged: the last user factors were solved against item factors that have since stopped moving.
        var model = new AlsTrainer(Small with { Weighting = weighting, Regularization = 1, Iterations = 300, CgSteps = 8 }).Fit(x);
        float[] learned = new float[40], folded = new float[40];

        for (var u = 0; u < x.Users; u++)
        {
            model.Score(u, x.ItemsOf(u), x.WeightsOf(u), learned);
            model.Score(-1, x.ItemsOf(u), x.WeightsOf(u), folded);
            var scale = learned.Max(Math.Abs);
            for (var i = 0; i < 40; i++) Assert.Equal(learned[i], folded[i], 1e-5 * scale);
        }
    }

    [Fact]
    public void A_new_user_with_no_history_scores_zero()
    {
        var model = new AlsTrainer(Small).Fit(BlockData.TwoCommunities());
        var scores = new float[40];

        model.Score(-1, [], [], scores);

        Assert.All(scores, s => Assert.Equal(0, s));
    }

    [Fact]
    public void Bad_input_is_refused_with_a_clear_message()
    {
        var empty = Interactions.FromTriples(3, 4, [], [], []);
        var trainer = new AlsTrainer(Small);
        var x = BlockData.TwoCommunities();

        Assert.Contains("none", Assert.Throws<LearnerInputException>(() => trainer.Fit(empty)).Message, StringComparison.Ordinal);
        Assert.Contains("Factors", Assert.Throws<ArgumentException>(() => new AlsTrainer(Small with { Factors = 0 }).Fit(x)).Message, StringComparison.Ordinal);
        Assert.Contains("Regularization", Assert.Throws<ArgumentException>(() => new AlsTrainer(Small with { Regularization = 0 }).Fit(x)).Message, StringComparison.Ordinal);
        Assert.Contains("Alpha", Assert.Throws<ArgumentException>(() => new AlsTrainer(Small with { Alpha = double.NaN }).Fit(x)).Message, StringComparison.Ordinal);
        Assert.Contains("Iterations", Assert.Throws<ArgumentException>(() => new AlsTrainer(Small with { Iterations = 0 }).Fit(x)).Message, StringComparison.Ordinal);
        Assert.Contains("CgSteps", Assert.Throws<ArgumentException>(() => new AlsTrainer(Small with { CgSteps = 0 }).Fit(x)).Message, StringComparison.Ordinal);
        Assert.Contains("Threads", Assert.Throws<ArgumentException>(() => new AlsTrainer(Small with { Threads = 0 }).Fit(x)).Message, StringComparison.Ordinal);
        Assert.Contains("Weighting", Assert.Throws<ArgumentException>(() => new AlsTrainer(Small with { Weighting = (Weighting)7 }).Fit(x)).Message, StringComparison.Ordinal);

        var model = new AlsTrainer(Small with { Iterations = 1 }).Fit(x);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Score(40, [], [], new float[40]));
        Assert.Throws<ArgumentException>(() => model.Score(0, [], [], new float[39]));
        Assert.Contains("item 40", Assert.Throws<LearnerInputException>(() => model.Score(-1, [40], [1f], new float[40])).Message, StringComparison.Ordinal);
        Assert.Contains("weight", Assert.Throws<LearnerInputException>(() => model.Score(-1, [3], [0f], new float[40])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        var x = BlockData.TwoCommunities();
        Assert.ThrowsAny<OperationCanceledException>(() => new AlsTrainer(Small).Fit(x, new CancellationToken(canceled: true)));
        Assert.ThrowsAny<OperationCanceledException>(() => new AlsTrainer(Small with { Threads = 2 }).Fit(x, new CancellationToken(canceled: true)));
    }

    /// <summary>Σᵤᵢ cᵤᵢ (pᵤᵢ − xᵤ · yᵢ)² over all pairs + λ (‖X‖² + ‖Y‖²), cᵤᵢ = 1 + α wᵤᵢ where observed, else 1.</summary>
    static double Loss(Interactions x, AlsModel model, AlsOptions options)
    {
        var f = model.Factors;
        var (users, items) = (model.UserFactors.ToArray(), model.ItemFactors.ToArray());
        var loss = options.Regularization * (users.Sum(v => (double)v * v) + items.Sum(v => (double)v * v));
        for (var u = 0; u < x.Users; u++)
        {
            var (owned, weights) = (x.ItemsOf(u).ToArray(), x.WeightsOf(u).ToArray());
            for (var i = 0; i < x.Items; i++)
            {
                var prediction = 0.0;
                for (var j = 0; j < f; j++) prediction += (double)users[u * f + j] * items[i * f + j];
                var k = Array.IndexOf(owned, i);
                loss += k >= 0 ? (1 + options.Alpha * weights[k]) * (1 - prediction) * (1 - prediction) : prediction * prediction;
            }
        }
        return loss;
    }

    /// <summary>The row's normal equations formed in full and solved by Gaussian elimination with partial pivoting.</summary>
    static double[] ExactRow(int[] items, float[] weights, double[] y, int f, double lambda, double alpha)
    {
        var a = new double[f, f + 1];
        for (var j = 0; j < f; j++) a[j, j] = lambda;
        for (var i = 0; i < y.Length / f; i++)
        {
            var k = Array.IndexOf(items, i);
            var c = k >= 0 ? 1 + alpha * weights[k] : 1;
            for (var j = 0; j < f; j++)
            {
                for (var l = 0; l < f; l++) a[j, l] += c * y[i * f + j] * y[i * f + l];
                if (k >= 0) a[j, f] += c * y[i * f + j];
            }
        }
        for (var col = 0; col < f; col++)
        {
            var pivot = Enumerable.Range(col, f - col).MaxBy(r => Math.Abs(a[r, col]));
            for (var l = 0; l <= f; l++) (a[col, l], a[pivot, l]) = (a[pivot, l], a[col, l]);
            for (var r = 0; r < f; r++)
            {
                if (r == col) continue;
                var m = a[r, col] / a[col, col];
                for (var l = col; l <= f; l++) a[r, l] -= m * a[col, l];
            }
        }
        return [.. Enumerable.Range(0, f).Select(j => a[j, f] / a[j, j])];
    }

    static int[] Users(Interactions x) => [.. Enumerable.Range(0, x.Users).SelectMany(u => Enumerable.Repeat(u, x.ItemsOf(u).Length))];
}
