namespace ShopLens.Core.Synthetic;

/// <summary>What <see cref="ShopSimulator.Generate"/> wrote: row counts of each canonical file, where the files are, and how long it took.</summary>
public sealed record SyntheticShopSummary
{
    public required string Directory { get; init; }
    public required int Customers { get; init; }
    public required int Products { get; init; }
    public required long Events { get; init; }
    public required long Orders { get; init; }
    public required long OrderLines { get; init; }
    public required long Reviews { get; init; }
    /// <summary>Wall-clock seconds of the whole generation, files included.</summary>
    public double ElapsedSeconds { get; init; }

    public string CustomersPath => Path.Combine(Directory, "customers.csv");
    public string ProductsPath => Path.Combine(Directory, "products.csv");
    public string EventsPath => Path.Combine(Directory, "events.csv");
    public string OrdersPath => Path.Combine(Directory, "orders.csv");
    public string OrderLinesPath => Path.Combine(Directory, "order_lines.csv");
    public string ReviewsPath => Path.Combine(Directory, "reviews.csv");
    /// <summary>truth.json: options, archetype definitions, counts and per-archetype realised figures.</summary>
    public string TruthPath => Path.Combine(Directory, TruthWriter.TruthFile);
    /// <summary>truth_customers.csv: each customer's archetype, purchase and dropout rates, death time, taste and rhythm.</summary>
    public string TruthCustomersPath => Path.Combine(Directory, TruthWriter.CustomersFile);
    /// <summary>truth_products.csv: each product's hidden quality and popularity, planted review aspects and bad batch.</summary>
    public string TruthProductsPath => Path.Combine(Directory, TruthWriter.ProductsFile);

    /// <summary>Every file written, canonical tables first.</summary>
    public IReadOnlyList<string> Paths =>
        [CustomersPath, ProductsPath, EventsPath, OrdersPath, OrderLinesPath, ReviewsPath, TruthPath, TruthCustomersPath, TruthProductsPath];
}
