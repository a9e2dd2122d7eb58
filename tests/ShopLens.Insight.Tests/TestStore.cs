using ShopLens.Core.Import;
using ShopLens.Core.Store;
using ShopLens.Core.Synthetic;
using ShopLens.Insight.Recommendations;

namespace ShopLens.Insight.Tests;

/// <summary>A throw-away store in a temporary folder, filled from small canonical CSVs or a shared data set.</summary>
sealed class TestStore : IDisposable
{
    readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("shoplens-test-");

    public TestStore() => Store = ShopStore.Open(Path.Combine(_dir.FullName, "shop.duckdb"));

    public ShopStore Store { get; }

    public string Folder => _dir.FullName;

    /// <summary>Imports canonical CSV texts, each named after its table (<c>("orders", "order_id,…\n…")</c>); nothing may be rejected.</summary>
    public TestStore With(params (string Table, string Csv)[] files)
    {
        var paths = files.Select(f =>
        {
            var path = Path.Combine(_dir.FullName, f.Table + ".csv");
            File.WriteAllText(path, f.Csv);
            return new SourceFile(path);
        }).ToArray();
        var report = Store.Import(new ImportRequest { Files = paths });
        Assert.All(report.Files, f => Assert.Equal(0, f.Rejected));
        return this;
    }

    /// <summary>The index an interaction log gives the product with this id (−1: none).</summary>
    public int ItemOf(InteractionLog log, string productId) =>
        Array.IndexOf(log.ProductKeys, Store.Scalar<int>($"SELECT product_key FROM products WHERE product_id = '{productId}'"));

    /// <summary>Generates a synthetic shop into <c>data/</c> of the store's folder and imports its tables; nothing may be rejected.</summary>
    public SyntheticShopSummary WithSyntheticShop(ShopSimulatorOptions options)
    {
        var shop = ShopSimulator.Generate(options, Path.Combine(_dir.FullName, "data"));
        var report = Store.Import(new ImportRequest
        {
            Files = [.. new[] { shop.CustomersPath, shop.ProductsPath, shop.EventsPath, shop.OrdersPath, shop.OrderLinesPath, shop.ReviewsPath }
                .Select(p => new SourceFile(p))],
        });
        Assert.All(report.Files, f => Assert.Equal(0, f.Rejected));
        return shop;
    }

    /// <summary>Imports a file of ../shared/datasets through a preset.</summary>
    public TestStore WithDataset(string relative, string preset)
    {
        Store.Import(new ImportRequest { Files = [new SourceFile(Dataset(relative))], Preset = preset });
        return this;
    }

    /// <summary>The path of <c>../shared/datasets/RELATIVE</c> beside the repository; a missing file fails the test.</summary>
    public static string Dataset(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ShopLens.slnx"))) dir = dir.Parent;
        Assert.True(dir is not null, $"no folder holding ShopLens.slnx above {AppContext.BaseDirectory}");
        var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "datasets", relative));
        Assert.True(File.Exists(path), $"the shared data set {relative} is missing: expected it at {path}");
        return path;
    }

    public void Dispose()
    {
        Store.Dispose();
        _dir.Delete(true);
    }
}
