using ShopLens.Learning.Clustering;

namespace ShopLens.Learning.Tests.Clustering;

/// <summary>k-means: analytic cases, scikit-learn's answers from the same starting centres, and the learner contract.</summary>
[Trait("Issue", "3")]
public sealed class KMeansTests
{
    static readonly double[][] FiveCentres = [[0, 0, 0], [10, 0, 0], [0, 10, 0], [0, 0, 10], [10, 10, 10]];

    [Fact]
    public void Well_separated_blobs_are_recovered_exactly()
    {
        var (data, truth) = Blobs.Around(FiveCentres, perCluster: 200, spread: 0.5, seed: 3);
        var model = new KMeansTrainer(new KMeansOptions { Clusters = 5, Seed = 7 }).Fit(data, 3);

        Assert.Equal(1.0, AdjustedRandIndex.Score(truth, model.Labels));
        Assert.All(model.Sizes, size => Assert.Equal(200, size));
        // Each centroid is its blob's mean, so the inertia is the blobs' own scatter: about n · d · spread².
        Assert.InRange(model.Inertia, 0.9 * 1000 * 3 * 0.25, 1.1 * 1000 * 3 * 0.25);
        for (var c = 0; c < 5; c++)
        {
            var centroid = model.Centroid(c).ToArray();
            Assert.Contains(FiveCentres, centre => centre.Zip(centroid).All(p => Math.Abs(p.First - p.Second) < 0.15));
        }
    }

    [Fact]
    public void As_many_clusters_as_rows_puts_each_row_alone_with_zero_inertia()
    {
        var data = Blobs.Uniform(rows: 17, width: 4, seed: 5);
        var model = new KMeansTrainer(new KMeansOptions { Clusters = 17 }).Fit(data, 4);

        Assert.Equal(Enumerable.Range(0, 17), model.Labels.Order());
        Assert.Equal(0.0, model.Inertia);
        for (var i = 0; i < 17; i++) Assert.Equal(data.AsSpan(i * 4, 4).ToArray(), model.Centroid(model.Labels[i]).ToArray());
    }

    [Fact]
    public void One_cluster_is_the_mean_and_the_inertia_the_total_scatter()
    {
        var data = Blobs.Uniform(rows: 101, width: 2, seed: 9);
        var model = new KMeansTrainer(new KMeansOptions { Clusters = 1 }).Fit(data, 2);
        var mean = new[] { Enumerable.Range(0, 101).Average(i => data[2 * i]), Enumerable.Range(0, 101).Average(i => data[2 * i + 1]) };
        var scatter = Enumerable.Range(0, 101).Sum(i => Math.Pow(data[2 * i] - mean[0], 2) + Math.Pow(data[2 * i + 1] - mean[1], 2));

        Assert.Equal(mean[0], model.Centroid(0)[0], 12);
        Assert.Equal(mean[1], model.Centroid(0)[1], 12);
        Assert.Equal(scatter, model.Inertia, 9);
        Assert.All(model.Labels, label => Assert.Equal(0, label));
    }

    // scikit-learn 1.2.1: KMeans(4, init=X[[0, 7, 19, 33]], n_init=1, algorithm="lloyd", tol=1e-4).fit(X), X = Blobs.Waves().
    [Fact]
    public void Lloyd_from_given_centres_matches_scikit_learn()
    {
        int[] labels = [0, 2, 2, 0, 0, 1, 3, 1, 1, 1, 2, 2, 0, 0, 0, 3, 1, 1, 1, 2, 2, 0, 0, 1, 3, 1, 1, 1, 2, 2, 0, 0, 1, 3, 1, 1, 0, 2, 2, 0,
            0, 1, 3, 1, 1, 0, 2, 2, 0, 0, 1, 3, 1, 1, 1, 2, 2, 0, 0, 0];
        double[] centres = [2.288341001925816, -0.5769638678075466, -0.9006968173877412, 1.1296119816902195, 3.4612649965205438, 4.628829596569045,
            5.291676967037433, 4.684024934010247, 1.609272427407243, -2.528071518713781, -1.9071400634091498, 1.5077560527438458];
        AssertLloydMatches(Rows(Blobs.Waves(), 0, 7, 19, 33), labels, centres, inertia: 472.3008972218901, iterations: 5);
    }

    // The same with init = [[100, 100, 100], X[3], X[40], X[50]]: the far centre's cluster is empty after the first
    // assignment, so it takes the row farthest from its centre (scikit-learn's _relocate_empty_clusters_dense).
    [Fact]
    public void An_empty_cluster_takes_the_farthest_row_as_scikit_learn()
    {
        int[] labels = [2, 3, 3, 1, 1, 3, 0, 2, 3, 2, 2, 3, 1, 1, 2, 0, 2, 3, 2, 3, 3, 1, 1, 2, 0, 2, 3, 2, 3, 3, 1, 1, 2, 0, 2, 3, 2, 3, 3, 1,
            2, 2, 0, 2, 3, 2, 3, 3, 1, 1, 3, 0, 2, 3, 2, 2, 3, 1, 1, 2];
        double[] centres = [-2.528071518713781, -1.9071400634091498, 1.5077560527438458, 2.8490893806193216, -1.0867653270013358, -2.078196429697754,
            0.7448004271818083, 1.9018732761750885, 2.923653940172456, 4.430241863587002, 5.074460548303601, 3.412090841186674];
        var start = new double[] { 100, 100, 100 }.Concat(Rows(Blobs.Waves(), 3, 40, 50)).ToArray();
        AssertLloydMatches(start, labels, centres, inertia: 472.7808787175567, iterations: 7);
    }

    static void AssertLloydMatches(double[] start, int[] labels, double[] centres, double inertia, int iterations)
    {
        var x = new Points(Blobs.Waves(), 3);
        var tolerance = 1e-4 * Enumerable.Range(0, 3).Average(j => Variance(x, j));
        foreach (var bounded in new[] { true, false })
        {
            var run = Lloyd.Run(x, start, maxIterations: 300, tolerance, threads: 2, bounded, CancellationToken.None);
            Assert.Equal(labels, run.Labels);
            Assert.Equal(iterations, run.Iterations);
            Assert.Equal(inertia, run.Inertia, 9);
            for (var i = 0; i < centres.Length; i++) Assert.Equal(centres[i], run.Centres[i], 9);
        }
    }

    [Theory]
    [InlineData(1, 1, 3)]
    [InlineData(2, 2, 500)]
    [InlineData(3, 5, 4097)]
    [InlineData(7, 9, 3000)]
    [InlineData(12, 20, 9001)]
    public void Hamerly_bounds_give_the_plain_algorithms_result(int clusters, int width, int rows)
    {
        var x = new Points(Blobs.Uniform(rows, width, seed: clusters * 100 + width), width);
        var start = KMeansPlusPlus.Seed(x, clusters, trials: 3, new Random(clusters), threads: 2, CancellationToken.None);
        var plain = Lloyd.Run(x, start, 300, tolerance: 0, threads: 1, bounded: false, CancellationToken.None);
        var bounded = Lloyd.Run(x, start, 300, tolerance: 0, threads: 2, bounded: true, CancellationToken.None);

        Assert.Equal(plain.Labels, bounded.Labels);
        Assert.Equal(plain.Iterations, bounded.Iterations);
        Assert.Equal(plain.Centres, bounded.Centres);
        Assert.Equal(plain.Inertia, bounded.Inertia);
    }

    [Fact]
    public void Seeding_picks_distinct_rows_and_beats_a_uniform_pick_on_blobs()
    {
        var (data, _) = Blobs.Around(FiveCentres, perCluster: 100, spread: 0.5, seed: 4);
        var x = new Points(data, 3);
        var centres = KMeansPlusPlus.Seed(x, 5, KMeansPlusPlus.DefaultTrials(5), new Random(1), threads: 2, CancellationToken.None);
        var rows = Enumerable.Range(0, 5).Select(c => Enumerable.Range(0, x.Rows).Single(i => x.Row(i).SequenceEqual(centres.AsSpan(c * 3, 3)))).ToArray();

        Assert.Equal(5, rows.Distinct().Count());
        // Greedy k-means++ on well-separated blobs puts one seed in each blob.
        Assert.Equal(5, rows.Select(i => FiveCentres.MinBy(c => Math.Pow(c[0] - x.Row(i)[0], 2) + Math.Pow(c[1] - x.Row(i)[1], 2) + Math.Pow(c[2] - x.Row(i)[2], 2))).Distinct().Count());
        Assert.Equal(4, KMeansPlusPlus.DefaultTrials(8));
    }

    [Fact]
    public void Same_seed_gives_the_same_model_bytes_whatever_the_threads_and_refitting_changes_nothing()
    {
        var data = Blobs.Uniform(rows: 20_000, width: 6, seed: 2);
        var options = new KMeansOptions { Clusters = 9, Restarts = 2, Seed = 5 };
        var trainer = new KMeansTrainer(options with { Threads = 1 });
        var first = Bytes(trainer.Fit(data, 6));

        Assert.Equal(first, Bytes(trainer.Fit(data, 6)));
        Assert.Equal(first, Bytes(new KMeansTrainer(options with { Threads = 3 }).Fit(data, 6)));
        Assert.NotEqual(first, Bytes(new KMeansTrainer(options with { Seed = 6 }).Fit(data, 6)));
    }

    [Fact]
    public void Float32_rows_are_fitted_as_their_float64_values()
    {
        var singles = Blobs.Uniform(rows: 2000, width: 5, seed: 12).Select(v => (float)v).ToArray();
        var options = new KMeansOptions { Clusters = 6, Seed = 2 };

        Assert.Equal(Bytes(new KMeansTrainer(options).Fit(singles.Select(v => (double)v).ToArray(), 5)), Bytes(new KMeansTrainer(options).Fit(singles, 5)));
    }

    [Fact]
    public void More_restarts_never_give_a_higher_inertia()
    {
        var data = Blobs.Uniform(rows: 3000, width: 2, seed: 8);
        var one = new KMeansTrainer(new KMeansOptions { Clusters = 12, Seed = 3 }).Fit(data, 2);
        var five = new KMeansTrainer(new KMeansOptions { Clusters = 12, Seed = 3, Restarts = 5 }).Fit(data, 2);

        Assert.True(five.Inertia <= one.Inertia, $"5 restarts {five.Inertia}, 1 start {one.Inertia}");
    }

    [Fact]
    public void Save_and_load_round_trip_gives_identical_predictions()
    {
        var data = Blobs.Uniform(rows: 500, width: 3, seed: 6);
        var model = new KMeansTrainer(new KMeansOptions { Clusters = 4 }).Fit(data, 3);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = KMeansModel.Load(stream);

        Assert.Equal(model.Labels, loaded.Labels);
        Assert.Equal(model.Inertia, loaded.Inertia);
        Assert.Equal(model.Iterations, loaded.Iterations);
        Assert.Equal(model.Centroids.ToArray(), loaded.Centroids.ToArray());
        var fresh = Blobs.Uniform(rows: 200, width: 3, seed: 60);
        Assert.Equal(model.Predict(fresh), loaded.Predict(fresh));
        Assert.Equal(model.Labels, model.Predict(data));
        Assert.Equal(model.Predict(fresh.Select(v => (double)(float)v).ToArray()), model.Predict(fresh.Select(v => (float)v).ToArray()));
        Assert.Throws<InvalidDataException>(() => KMeansModel.Load(new MemoryStream([1, 2, 3])));
        Assert.Throws<InvalidDataException>(() => KMeansModel.Load(new MemoryStream(Bytes(model)[..40])));
    }

    [Fact]
    public void Bad_input_and_options_are_typed_errors_with_clear_messages()
    {
        var trainer = new KMeansTrainer(new KMeansOptions { Clusters = 2 });
        Assert.Contains("row 1, column 0", Assert.Throws<ArgumentException>(() => trainer.Fit([1.0, 2, double.NaN, 4], 2)).Message, StringComparison.Ordinal);
        Assert.Contains("no rows", Assert.Throws<ArgumentException>(() => trainer.Fit(Array.Empty<double>(), 2)).Message, StringComparison.Ordinal);
        Assert.Contains("do not fill rows", Assert.Throws<ArgumentException>(() => trainer.Fit([1.0, 2, 3], 2)).Message, StringComparison.Ordinal);
        Assert.Contains("3 clusters of 2 rows", Assert.Throws<ArgumentException>(() =>
            new KMeansTrainer(new KMeansOptions { Clusters = 3 }).Fit([1.0, 2, 3, 4], 2)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new KMeansTrainer(new KMeansOptions { Clusters = 0 }).Fit([1.0], 1));
        Assert.Throws<ArgumentException>(() => new KMeansTrainer(new KMeansOptions { Restarts = 0, Clusters = 1 }).Fit([1.0], 1));
        Assert.Throws<ArgumentException>(() => new KMeansTrainer(new KMeansOptions { Tolerance = double.NaN, Clusters = 1 }).Fit([1.0], 1));
        Assert.Throws<ArgumentException>(() => new KMeansTrainer(new KMeansOptions { Threads = 0, Clusters = 1 }).Fit([1.0], 1));
        Assert.Throws<ArgumentNullException>(() => new KMeansTrainer(null!));
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        var data = Blobs.Uniform(rows: 10_000, width: 3, seed: 1);
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new KMeansTrainer(new KMeansOptions { Clusters = 5 }).Fit(data, 3, new CancellationToken(canceled: true)));
    }

    static double[] Rows(double[] data, params int[] rows) => rows.SelectMany(i => data.Skip(3 * i).Take(3)).ToArray();

    static double Variance(Points x, int column)
    {
        var values = Enumerable.Range(0, x.Rows).Select(i => x.Row(i)[column]).ToArray();
        var mean = values.Average();
        return values.Average(v => (v - mean) * (v - mean));
    }

    static byte[] Bytes(KMeansModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }
}
