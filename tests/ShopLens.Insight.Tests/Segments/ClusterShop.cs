using ShopLens.Core.Import;
using ShopLens.Core.Store;
using ShopLens.Core.Synthetic;
using ShopLens.Insight.Segments;

namespace ShopLens.Insight.Tests.Segments;

/// <summary>
/// The default synthetic shop (5000 customers, 180 days, seed 1) generated and imported once, with each customer's
/// planted archetype and its clusters with the default options.
/// </summary>
public sealed class ClusterShop : IDisposable
{
    readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("shoplens-clusters-");

    public ClusterShop()
    {
        var shop = ShopSimulator.Generate(new ShopSimulatorOptions(), Path.Combine(_dir.FullName, "data"));
        Store = ShopStore.Open(Path.Combine(_dir.FullName, "shop.duckdb"));
        var report = Store.Import(new ImportRequest
        {
            Files = [.. new[] { shop.CustomersPath, shop.ProductsPath, shop.EventsPath, shop.OrdersPath, shop.OrderLinesPath, shop.ReviewsPath }
                .Select(p => new SourceFile(p))],
        });
        Assert.All(report.Files, f => Assert.Equal(0, f.Rejected));
        // truth_customers.csv: customer_id,archetype,… (no field before archetype is quoted).
        Archetypes = File.ReadLines(shop.TruthCustomersPath).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[1]);
        _clusters = new(() => ClusterSegmentation.Run(Store, null, new ClusterOptions()));
    }

    readonly Lazy<ClusterSegmentationResult> _clusters;

    /// <summary><see cref="ClusterSegmentation"/> with the default options, run once.</summary>
    public ClusterSegmentationResult Clusters => _clusters.Value;

    public ShopStore Store { get; }

    /// <summary>Planted archetype by customer id.</summary>
    public IReadOnlyDictionary<string, string> Archetypes { get; }

    public void Dispose()
    {
        Store.Dispose();
        _dir.Delete(recursive: true);
    }
}
