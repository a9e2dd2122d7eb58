using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ShopLens.Learning.Clustering;

namespace ShopLens.Bench.Tasks;

/// <summary>
/// T3: the T1 output CSV (user_id and 9 features) → standardised → k-means with k = 8, k-means++ seeding, one start,
/// as the scikit-learn peer (peers/t3_kmeans.py; its seed is numpy's, so the seeding differs and so may the inertia).
/// </summary>
static class T3KMeans
{
    const int Features = 9;

    public static string Run(string input, int seed)
    {
        var clock = Stopwatch.StartNew();
        var (users, data) = Read(input);
        var read = clock.Elapsed.TotalSeconds;
        var z = Standardizer.Fit(data, Features).Transform(data);
        var scale = clock.Elapsed.TotalSeconds;
        var trainer = new KMeansTrainer(new KMeansOptions { Clusters = 8, Restarts = 1, Seed = seed });
        var model = trainer.Fit(z, Features);
        var fit = clock.Elapsed.TotalSeconds;
        // The same fit again: the first one includes compiling the code (no tiered compilation here), this one does not.
        trainer.Fit(z, Features);
        var refit = clock.Elapsed.TotalSeconds - fit;
        return JsonSerializer.Serialize(new
        {
            task = "T3",
            peer = "shoplens (Standardizer + KMeansTrainer: k-means++, Lloyd with Hamerly bounds)",
            input,
            users,
            seed,
            read_s = Math.Round(read, 3),
            scale_s = Math.Round(scale - read, 3),
            fit_s = Math.Round(fit - scale, 3),
            refit_s = Math.Round(refit, 3),
            inertia = Math.Round(model.Inertia, 2),
            n_iter = model.Iterations,
            cluster_sizes = model.Sizes.OrderDescending().ToArray(),
        });
    }

    // The peers' layout: user_id,n_view,n_cart,n_purchase,n_items,n_categories,revenue,first_ts,last_ts,recency_s.
    static (int Users, double[] Data) Read(string input)
    {
        var values = new List<double>();
        var users = 0;
        foreach (var line in File.ReadLines(input).Skip(1))
        {
            var fields = line.Split(',');
            if (fields.Length != Features + 1) throw new InvalidDataException($"{input}: line {users + 2} has {fields.Length} fields, not {Features + 1}");
            for (var j = 1; j <= Features; j++) values.Add(double.Parse(fields[j], NumberStyles.Float, CultureInfo.InvariantCulture));
            users++;
        }
        return (users, [.. values]);
    }
}
