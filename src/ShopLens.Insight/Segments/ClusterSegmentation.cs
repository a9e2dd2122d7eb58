using System.Globalization;
using ShopLens.Core.Store;
using ShopLens.Insight.Features;
using ShopLens.Learning.Clustering;

namespace ShopLens.Insight.Segments;

/// <summary>
/// Behavioural clusters of the customers as of a cut-off: the chosen profile columns (<see cref="ClusterFeatures"/>)
/// of every profiled customer, transformed and standardised, clustered by k-means++ for each k of a range, k picked by
/// the highest silhouette; each cluster is then described in words by the columns on which its mean stands furthest
/// from everyone's (docs/segments.md).
/// </summary>
public static class ClusterSegmentation
{
    public const string Method = "kmeans";

    /// <summary>A trait enters a description when the cluster's mean is at least this many standard deviations from everyone's.</summary>
    public const double DistinctiveZ = 0.5;

    /// <summary>Most traits named in a description.</summary>
    public const int DescriptionTraits = 3;

    /// <summary>Clusters the customers profiled as of <paramref name="asOf"/>; an empty profile gives an empty result.</summary>
    /// <exception cref="ArgumentException">an option is out of range or names a column the profile does not have</exception>
    public static ClusterSegmentationResult Run(IShopStore store, DateTime? asOf, ClusterOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var features = options.Features;
        var input = ClusterInput.Read(store, asOf, [.. features.Concat(ClusterFeatures.Described).Distinct()]);
        var empty = new ClusterSegmentationResult
        {
            Features = features, AsOf = asOf, Choices = [], Clusters = [], CustomerKeys = input.Keys, CustomerIds = input.Ids, Labels = [],
        };
        if (input.Rows == 0) return empty;

        var matrix = FeatureMatrix(input, features);
        var scaler = Standardizer.Fit(matrix, features.Count);
        var z = scaler.Transform(matrix);
        var (choices, labels, centroids) = Choose(z, features.Count, input.Rows, options, ct);
        var clusters = Describe(input, features, labels, centroids, scaler);
        return empty with { Choices = choices, Clusters = clusters.Summaries, Labels = clusters.Labels };
    }

    /// <summary>The features as clustering takes them (<see cref="ClusterFeatures.Transform"/>), NULLs set to the mean of the rest.</summary>
    static double[] FeatureMatrix(ClusterInput input, IReadOnlyList<string> features)
    {
        int n = input.Rows, d = features.Count;
        var x = new double[n * d];
        for (var j = 0; j < d; j++)
        {
            var column = input.ColumnIndex(features[j]);
            double sum = 0;
            var present = 0;
            for (var i = 0; i < n; i++)
            {
                var v = ClusterFeatures.Transform(features[j], input[i, column]);
                x[i * d + j] = v;
                if (double.IsNaN(v)) continue;
                sum += v;
                present++;
            }
            var fill = present > 0 ? sum / present : 0;
            for (var i = 0; i < n; i++)
                if (double.IsNaN(x[i * d + j])) x[i * d + j] = fill;
        }
        return x;
    }

    /// <summary>k-means for every k of the range that the customers allow; the k with the highest silhouette wins (the smaller on a tie).</summary>
    static (ClusterChoice[] Choices, int[] Labels, double[] Centroids) Choose(double[] z, int d, int n, ClusterOptions options, CancellationToken ct)
    {
        var ks = Enumerable.Range(options.MinClusters, options.MaxClusters - options.MinClusters + 1).Where(k => k <= n - 1).ToArray();
        // Two customers or fewer (or a range above the count) make one cluster of everyone.
        if (ks.Length == 0) return ([], new int[n], Mean(z, d, n));

        var models = ks.Select(k => new KMeansTrainer(new KMeansOptions { Clusters = k, Restarts = options.Restarts, Seed = options.Seed }).Fit(z, d, ct)).ToArray();
        // Undefined (NaN) when duplicate rows leave fewer than two distinct clusters.
        var silhouettes = Silhouette.Scores(z, d, [.. models.Select(m => m.Labels)], options.SilhouetteSampleSize, options.Seed)
            .Select(s => double.IsNaN(s) ? (double?)null : s).ToArray();
        var choices = ks.Select((k, i) => new ClusterChoice(k, silhouettes[i], models[i].Inertia, models[i].Iterations)).ToArray();
        var best = 0;
        for (var i = 1; i < models.Length; i++)
            if (silhouettes[i] > (silhouettes[best] ?? double.NegativeInfinity)) best = i;
        return (choices, [.. models[best].Labels], models[best].Centroids.ToArray());
    }

    static double[] Mean(double[] z, int d, int n)
    {
        var mean = new double[d];
        for (var i = 0; i < n; i++)
        for (var j = 0; j < d; j++)
            mean[j] += z[i * d + j] / n;
        return mean;
    }

    /// <summary>Clusters renumbered by size (largest first, empty ones dropped), with their centroids in feature units and their traits.</summary>
    static (ClusterSummary[] Summaries, int[] Labels) Describe(ClusterInput input, IReadOnlyList<string> features, int[] labels, double[] centroids,
        Standardizer scaler)
    {
        int n = input.Rows, d = features.Count, k = centroids.Length / d;
        var sizes = new int[k];
        foreach (var label in labels) sizes[label]++;
        var order = Enumerable.Range(0, k).Where(c => sizes[c] > 0).OrderByDescending(c => sizes[c]).ThenBy(c => c).ToArray();
        var renumber = new int[k];
        for (var r = 0; r < order.Length; r++) renumber[order[r]] = r;
        var relabelled = labels.Select(l => renumber[l]).ToArray();

        var present = features.Select(input.ColumnIndex).Select(column => Enumerable.Range(0, n).Any(i => !double.IsNaN(input[i, column]))).ToArray();
        var traits = new List<ClusterTrait>[order.Length];
        for (var c = 0; c < order.Length; c++) traits[c] = [];
        for (var column = 0; column < input.Columns.Count; column++)
        {
            var name = input.Columns[column];
            var stats = new ColumnStats[order.Length];
            var overall = new ColumnStats();
            for (var i = 0; i < n; i++)
            {
                var raw = input[i, column];
                if (double.IsNaN(raw)) continue;
                var value = ClusterFeatures.Transform(name, raw);
                overall.Add(raw, value);
                stats[relabelled[i]].Add(raw, value);
            }
            for (var c = 0; c < order.Length; c++)
            {
                var gap = stats[c].Count > 0 && overall.Spread > 0 ? (stats[c].MeanValue - overall.MeanValue) / overall.Spread : 0;
                traits[c].Add(new ClusterTrait(name, gap, stats[c].MeanRaw, overall.MeanRaw, ClusterFeatures.Describe(name, gap > 0)));
            }
        }

        var summaries = order.Select((original, c) =>
        {
            var ranked = traits[c].OrderByDescending(t => Math.Abs(t.Z)).ThenBy(t => t.Column, StringComparer.Ordinal).ToArray();
            var words = ranked.Where(t => Math.Abs(t.Z) >= DistinctiveZ).Take(DescriptionTraits).Select(t => t.Phrase).ToArray();
            return new ClusterSummary
            {
                Name = "cluster " + (c + 1).ToString(CultureInfo.InvariantCulture),
                Description = words.Length > 0 ? string.Join(", ", words) : "close to the average customer",
                Customers = sizes[original],
                Share = (double)sizes[original] / n,
                Centroid = features.Select((f, j) => (f, j)).ToDictionary(p => p.f,
                    p => present[p.j] ? ClusterFeatures.Untransform(p.f, scaler.Inverse(p.j, centroids[original * d + p.j])) : (double?)null,
                    StringComparer.Ordinal),
                Traits = ranked,
            };
        }).ToArray();
        return (summaries, relabelled);
    }

    /// <summary>Running sums of one column over some customers: raw values for the means people read, transformed ones for z.</summary>
    struct ColumnStats
    {
        double _raw, _value, _squares;

        public int Count { get; private set; }

        public void Add(double raw, double value)
        {
            Count++;
            _raw += raw;
            _value += value;
            _squares += value * value;
        }

        public readonly double? MeanRaw => Count > 0 ? _raw / Count : null;

        public readonly double MeanValue => _value / Count;

        /// <summary>Population standard deviation of the transformed values.</summary>
        public readonly double Spread => Count > 0 ? Math.Sqrt(Math.Max(0, _squares / Count - MeanValue * MeanValue)) : 0;
    }
}
