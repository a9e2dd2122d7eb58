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
    readonly TestStore _shop = new();

    public ClusterShop()
    {
        var shop = _shop.WithSyntheticShop(new ShopSimulatorOptions());
        // truth_customers.csv: customer_id,archetype,… (no field before archetype is quoted).
        Archetypes = File.ReadLines(shop.TruthCustomersPath).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[1]);
        _clusters = new(() => ClusterSegmentation.Run(Store, null, new ClusterOptions()));
    }

    readonly Lazy<ClusterSegmentationResult> _clusters;

    /// <summary><see cref="ClusterSegmentation"/> with the default options, run once.</summary>
    public ClusterSegmentationResult Clusters => _clusters.Value;

    public ShopStore Store => _shop.Store;

    /// <summary>Planted archetype by customer id.</summary>
    public IReadOnlyDictionary<string, string> Archetypes { get; }

    public void Dispose() => _shop.Dispose();
}
