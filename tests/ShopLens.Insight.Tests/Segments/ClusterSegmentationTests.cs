using ShopLens.Insight.Segments;
using ShopLens.Learning.Clustering;

namespace ShopLens.Insight.Tests.Segments;

/// <summary>
/// k-means segments on the default synthetic shop recover its planted archetypes (issue 3: adjusted Rand index ≥ 0.8),
/// with k picked by the silhouette and each cluster described by what sets it apart.
/// </summary>
[Trait("Issue", "3")]
public sealed class ClusterSegmentationTests(ClusterShop shop) : IClassFixture<ClusterShop>
{
    ClusterSegmentationResult Default => shop.Clusters;

    [Fact]
    public void Clusters_recover_the_planted_archetypes_with_k_picked_by_the_silhouette()
    {
        var result = Default;
        var names = shop.Archetypes.Values.Distinct().Order(StringComparer.Ordinal).ToList();
        var truth = result.CustomerIds.Select(id => names.IndexOf(shop.Archetypes[id])).ToArray();
        var ari = AdjustedRandIndex.Score(truth, result.Labels);
        var silhouettes = string.Join(", ", result.Choices.Select(c => $"k={c.Clusters}: {c.Silhouette:F4}"));

        Assert.True(ari >= 0.8, $"adjusted Rand index {ari:F4} with k = {result.Clusters.Count} ({silhouettes})");
        Assert.Equal(6, result.Clusters.Count);
        Assert.Equal(Enumerable.Range(2, 9), result.Choices.Select(c => c.Clusters));
        Assert.Equal(result.Choices.Max(c => c.Silhouette), result.Choices.Single(c => c.Clusters == 6).Silhouette);
        Assert.True(result.Choices.Zip(result.Choices.Skip(1)).All(p => p.Second.Inertia < p.First.Inertia), "inertia falls as k grows");
    }

    [Theory]
    [InlineData("new_customer", "new")]
    [InlineData("window_shopper", "browse without carting")]
    [InlineData("bargain_hunter", "discount-driven")]
    [InlineData("lapsing", "lapsed")]
    [InlineData("loyal_high_spender", "frequent buyers")]
    public void Each_archetypes_cluster_is_described_by_what_sets_it_apart(string archetype, string phrase)
    {
        var result = Default;
        var cluster = Enumerable.Range(0, result.CustomerIds.Count)
            .Where(i => shop.Archetypes[result.CustomerIds[i]] == archetype)
            .GroupBy(i => result.Labels[i]).MaxBy(g => g.Count())!.Key;
        Assert.Contains(phrase, result.Clusters[cluster].Description.Split(", "));
    }

    [Fact]
    public void Sizes_shares_centroids_and_traits_are_consistent()
    {
        var result = Default;
        Assert.Equal(result.CustomerKeys.Count, result.Labels.Count);
        Assert.Equal(result.CustomerKeys.Count, result.Clusters.Sum(c => c.Customers));
        Assert.Equal(1.0, result.Clusters.Sum(c => c.Share), 12);
        Assert.Equal(result.Clusters.OrderByDescending(c => c.Customers).Select(c => c.Name), result.Clusters.Select(c => c.Name));
        Assert.Equal(["cluster 1", "cluster 2", "cluster 3", "cluster 4", "cluster 5", "cluster 6"], result.Clusters.Select(c => c.Name));
        for (var c = 0; c < result.Clusters.Count; c++) Assert.Equal(result.Clusters[c].Customers, result.Labels.Count(l => l == c));
        Assert.Equal(result.Labels.Select(l => result.Clusters[l].Name), result.SegmentOfEach);
        Assert.True(result.CustomerKeys.Zip(result.CustomerKeys.Skip(1)).All(p => p.First < p.Second), "customers by key");

        var newcomers = result.Clusters.Single(c => c.Description.Split(", ").Contains("new"));
        // New customers signed up in the last 30 days; everyone else at least 180 days ago.
        Assert.InRange(newcomers.Centroid["tenure_days"]!.Value, 0, 30);
        Assert.All(result.Clusters.Except([newcomers]), c => Assert.True(c.Centroid["tenure_days"] > 150, $"{c.Name}: {c.Centroid["tenure_days"]}"));
        Assert.Equal(ClusterFeatures.Default.Order(), newcomers.Centroid.Keys.Order());
        foreach (var cluster in result.Clusters)
        {
            Assert.Equal(ClusterFeatures.Default.Union(ClusterFeatures.Described).Order(), cluster.Traits.Select(t => t.Column).Order());
            Assert.True(cluster.Traits.Zip(cluster.Traits.Skip(1)).All(p => Math.Abs(p.First.Z) >= Math.Abs(p.Second.Z)), "traits by |z|");
            var tenure = cluster.Traits.Single(t => t.Column == "tenure_days");
            Assert.Equal(tenure.Z > 0, tenure.Mean > tenure.OverallMean);
        }
    }

    [Fact]
    public void A_fixed_k_is_kept_and_the_same_seed_gives_the_same_clusters()
    {
        var options = new ClusterOptions { MinClusters = 4, MaxClusters = 4, Features = ["orders", "view_to_cart", "last_active_days"], Seed = 3 };
        var four = ClusterSegmentation.Run(shop.Store, null, options);
        Assert.Equal(4, four.Clusters.Count);
        Assert.Equal([4], four.Choices.Select(c => c.Clusters));
        Assert.Equal(["orders", "view_to_cart", "last_active_days"], four.Features);
        Assert.Equal(["last_active_days", "orders", "view_to_cart"], four.Clusters[0].Centroid.Keys.Order());

        var again = ClusterSegmentation.Run(shop.Store, null, options);
        Assert.Equal(four.Labels, again.Labels);
        Assert.Equal(four.Choices, again.Choices);
        Assert.Equal(four.Clusters.Select(c => c.Description), again.Clusters.Select(c => c.Description));
    }

    [Fact]
    public void A_cut_off_before_any_data_gives_an_empty_result()
    {
        var result = ClusterSegmentation.Run(shop.Store, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), new ClusterOptions());
        Assert.Empty(result.Clusters);
        Assert.Empty(result.Choices);
        Assert.Empty(result.CustomerKeys);
        Assert.Empty(result.SegmentOfEach);
    }

    [Fact]
    public void An_orders_only_store_clusters_on_what_it_has_and_leaves_the_rest_null()
    {
        // 12 frequent customers (10 orders each in the last 50 days) and 12 one-off customers (one order early in the year).
        var csv = new System.Text.StringBuilder("order_id,customer_id,timestamp,status,amount\n");
        var start = new DateTime(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc);
        for (var c = 0; c < 12; c++)
        {
            for (var o = 0; o < 10; o++) csv.Append($"F{c}-{o},F{c},{start.AddDays(310 + 5 * o + c):yyyy-MM-ddTHH:mm:ssZ},completed,{40 + c}\n");
            csv.Append($"R{c},R{c},{start.AddDays(20 + c):yyyy-MM-ddTHH:mm:ssZ},completed,{25 + c}\n");
        }
        using var dir = new TempFolder();
        var path = Path.Combine(dir.Path, "orders.csv");
        File.WriteAllText(path, csv.ToString());
        using var store = ShopLens.Core.Store.ShopStore.Open(Path.Combine(dir.Path, "orders.duckdb"));
        store.Import(new ShopLens.Core.Import.ImportRequest { Files = [new ShopLens.Core.Import.SourceFile(path)] });

        var result = ClusterSegmentation.Run(store, null, new ClusterOptions { MinClusters = 2, MaxClusters = 2 });
        var truth = result.CustomerIds.Select(id => id[0] == 'F' ? 0 : 1).ToArray();

        Assert.Equal(1.0, AdjustedRandIndex.Score(truth, result.Labels));
        Assert.All(result.Clusters, c => Assert.Null(c.Centroid["view_to_cart"]));
        Assert.All(result.Clusters, c => Assert.Null(c.Centroid["events_per_session"]));
        var frequent = result.Clusters[result.Labels[truth.ToList().IndexOf(0)]];
        Assert.Equal(10, frequent.Centroid["orders"]!.Value, 9);
        Assert.Contains("frequent buyers", frequent.Description.Split(", "));
    }

    [Fact]
    public void Customers_who_all_look_alike_make_one_cluster_and_no_silhouette()
    {
        using var dir = new TempFolder();
        var path = Path.Combine(dir.Path, "orders.csv");
        File.WriteAllText(path, "order_id,customer_id,timestamp,status,amount\n" +
            string.Concat(Enumerable.Range(0, 6).Select(c => $"O{c},C{c},2025-03-01T10:00:00Z,completed,30\n")));
        using var store = ShopLens.Core.Store.ShopStore.Open(Path.Combine(dir.Path, "same.duckdb"));
        store.Import(new ShopLens.Core.Import.ImportRequest { Files = [new ShopLens.Core.Import.SourceFile(path)] });

        var result = ClusterSegmentation.Run(store, null, new ClusterOptions { MaxClusters = 3 });

        Assert.Equal(6, result.CustomerKeys.Count);
        Assert.Equal("close to the average customer", Assert.Single(result.Clusters).Description);
        Assert.All(result.Labels, l => Assert.Equal(0, l));
        Assert.Equal([2, 3], result.Choices.Select(c => c.Clusters));
        Assert.All(result.Choices, c => Assert.Null(c.Silhouette));
    }

    sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("shoplens-clusters-orders-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    [Fact]
    public void Bad_options_are_clear_errors()
    {
        Assert.Contains("not a numeric profile column: top_brand, nope", Assert.Throws<ArgumentException>(() =>
            ClusterSegmentation.Run(shop.Store, null, new ClusterOptions { Features = ["orders", "top_brand", "nope"] })).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ClusterSegmentation.Run(shop.Store, null, new ClusterOptions { Features = [] }));
        Assert.Throws<ArgumentException>(() => ClusterSegmentation.Run(shop.Store, null, new ClusterOptions { Features = ["orders", "orders"] }));
        Assert.Throws<ArgumentException>(() => ClusterSegmentation.Run(shop.Store, null, new ClusterOptions { MinClusters = 1 }));
        Assert.Throws<ArgumentException>(() => ClusterSegmentation.Run(shop.Store, null, new ClusterOptions { MinClusters = 5, MaxClusters = 4 }));
    }
}
