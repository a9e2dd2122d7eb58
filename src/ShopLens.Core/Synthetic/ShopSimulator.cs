using System.Diagnostics;
using ShopLens.Core.Model;

namespace ShopLens.Core.Synthetic;

/// <summary>
/// Builds a synthetic shop with planted truth: canonical CSV files (customers, products, events, orders, order lines,
/// reviews) plus truth.json, truth_customers.csv and truth_products.csv. Same options ⇒ byte-identical files.
/// </summary>
public static class ShopSimulator
{
    /// <summary>Generates the shop into <paramref name="outDir"/> (created if missing; existing files are replaced).</summary>
    /// <exception cref="ArgumentException">an option is out of range, or <paramref name="outDir"/> is empty</exception>
    public static SyntheticShopSummary Generate(ShopSimulatorOptions options, string outDir,
        IProgress<double>? progress = null, CancellationToken ct = default)
    {
        Validate(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(outDir);
        var end = new DateTimeOffset(options.End).ToUnixTimeSeconds();

        var catalog = ProductCatalog.Generate(options);
        var customers = CustomerPopulation.Generate(options);
        WriteProducts(outDir, catalog);
        WriteCustomers(outDir, customers);
        ct.ThrowIfCancellationRequested();

        var tallies = new ArchetypeTally[Archetypes.All.Count];
        for (var a = 0; a < tallies.Length; a++) tallies[a] = new ArchetypeTally();
        long events, orders, orderLines, reviews;
        using (var files = new ShopFiles(outDir))
        {
            var behaviour = new BehaviourSimulator(options, catalog, files);
            var step = Math.Max(1, customers.Length / 100);
            for (var i = 0; i < customers.Length; i++)
            {
                if (i % step == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Report((double)i / customers.Length);
                }
                behaviour.Simulate(customers[i], tallies[customers[i].Archetype]);
            }
            (events, orders, orderLines, reviews) = (files.Events, files.Orders, files.OrderLines, files.Reviews);
        }

        var summary = new SyntheticShopSummary
        {
            Directory = outDir,
            Customers = customers.Length,
            Products = catalog.Products.Count,
            Events = events,
            Orders = orders,
            OrderLines = orderLines,
            Reviews = reviews,
        };
        TruthWriter.WriteCustomers(summary.TruthCustomersPath, customers, catalog, end);
        TruthWriter.WriteProducts(summary.TruthProductsPath, catalog);
        TruthWriter.WriteJson(summary.TruthPath, options, summary, tallies);
        progress?.Report(1.0);
        return summary with { ElapsedSeconds = clock.Elapsed.TotalSeconds };
    }

    static void Validate(ShopSimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Customers is < 1 or > 10_000_000)
            throw new ArgumentException($"Customers must be between 1 and 10000000, got {options.Customers}", nameof(options));
        var categories = ShopVocabulary.Categories.Count;
        if (options.Products < categories || options.Products > 1_000_000)
            throw new ArgumentException(
                $"Products must be between {categories} (one per category) and 1000000, got {options.Products}", nameof(options));
        if (options.Days is < 1 or > 3650)
            throw new ArgumentException($"Days must be between 1 and 3650, got {options.Days}", nameof(options));
        if (options.End.Kind != DateTimeKind.Utc)
            throw new ArgumentException($"End must be a UTC time (DateTimeKind.Utc), got {options.End.Kind}", nameof(options));
        var latestEnd = new DateTime(9000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        if (options.End < ShopSimulatorOptions.EarliestStart.AddDays(options.Days) || options.End > latestEnd)
            throw new ArgumentException(
                $"the period End − Days .. End must lie within 2000-01-01 .. 9000-01-01, got End {options.End:yyyy-MM-ddTHH:mm:ssZ} and Days {options.Days}",
                nameof(options));
    }

    static void WriteProducts(string outDir, ProductCatalog catalog)
    {
        using var w = ShopFiles.Open(outDir, CanonicalSchema.Products);
        foreach (var p in catalog.Products)
        {
            w.Text(p.Id);
            w.Text(p.Title);
            w.Text(p.Leaf.Path);
            w.Text(p.Brand);
            w.Hundredths(p.PriceCents);
            w.EndRow();
        }
    }

    static void WriteCustomers(string outDir, SyntheticCustomer[] customers)
    {
        using var w = ShopFiles.Open(outDir, CanonicalSchema.Customers);
        foreach (var c in customers)
        {
            w.Text(c.Id);
            w.Time(c.FirstSeen);
            w.Text(ShopVocabulary.Regions[c.Region].Name);
            w.Text(ShopVocabulary.AcquisitionChannels[c.AcquisitionChannel]);
            w.Text(ShopVocabulary.AgeBands[c.AgeBand]);
            w.EndRow();
        }
    }
}
