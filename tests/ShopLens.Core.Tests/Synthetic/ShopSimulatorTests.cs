using System.Text.Json;
using ShopLens.Core.Model;
using ShopLens.Core.Synthetic;

namespace ShopLens.Core.Tests.Synthetic;

/// <summary>One mid-sized synthetic shop, generated once for the tests that read it.</summary>
public sealed class SyntheticShopFixture : IDisposable
{
    public static readonly ShopSimulatorOptions Options = new() { Customers = 3000, Products = 150, Days = 150, Seed = 7 };

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "shoplens-synth-" + Guid.NewGuid().ToString("N"));
    public SyntheticShopSummary Summary { get; }
    public List<double> Progress { get; } = [];

    public SyntheticShopFixture() =>
        Summary = ShopSimulator.Generate(Options, Directory, new SynchronousProgress(Progress.Add));

    readonly Dictionary<string, SyntheticCsv> _tables = [];

    /// <summary>A file of the shop, parsed once.</summary>
    public SyntheticCsv Read(string table)
    {
        lock (_tables)
        {
            if (!_tables.TryGetValue(table, out var csv))
                _tables[table] = csv = SyntheticCsv.Read(Path.Combine(Directory, table + ".csv"));
            return csv;
        }
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}

public sealed class ShopSimulatorTests(SyntheticShopFixture shop) : IClassFixture<SyntheticShopFixture>
{
    static readonly ShopSimulatorOptions Small = new() { Customers = 300, Products = 40, Days = 60, Seed = 3 };

    static string TempDir() => Path.Combine(Path.GetTempPath(), "shoplens-synth-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Same_seed_gives_identical_bytes_in_every_file()
    {
        string a = TempDir(), b = TempDir();
        try
        {
            var first = ShopSimulator.Generate(Small, a);
            var second = ShopSimulator.Generate(Small with { }, b);
            Assert.Equal(9, first.Paths.Count);
            for (var i = 0; i < first.Paths.Count; i++)
                Assert.True(File.ReadAllBytes(first.Paths[i]).AsSpan().SequenceEqual(File.ReadAllBytes(second.Paths[i])),
                    $"{Path.GetFileName(first.Paths[i])} differs between two runs with the same seed");
        }
        finally
        {
            Directory.Delete(a, true);
            Directory.Delete(b, true);
        }
    }

    [Fact]
    public void Different_seed_gives_different_events()
    {
        string a = TempDir(), b = TempDir();
        try
        {
            var first = ShopSimulator.Generate(Small, a);
            var second = ShopSimulator.Generate(Small with { Seed = 4 }, b);
            Assert.False(File.ReadAllBytes(first.EventsPath).AsSpan().SequenceEqual(File.ReadAllBytes(second.EventsPath)));
        }
        finally
        {
            Directory.Delete(a, true);
            Directory.Delete(b, true);
        }
    }

    [Fact]
    public void Headers_are_the_canonical_columns_in_schema_order()
    {
        foreach (var table in CanonicalSchema.All)
            Assert.Equal(table.Columns.Select(c => c.Name), shop.Read(table.Name).Header);
        Assert.Equal(["customer_id", "archetype", "purchase_rate", "dropout_rate", "alive_at_end", "top_category", "price_sensitivity"],
            shop.Read("truth_customers").Header.Take(7));
    }

    [Fact]
    public void Summary_counts_match_the_files_and_the_truth()
    {
        var s = shop.Summary;
        Assert.Equal(s.Customers, shop.Read("customers").Rows.Count);
        Assert.Equal(s.Products, shop.Read("products").Rows.Count);
        Assert.Equal(s.Events, shop.Read("events").Rows.Count);
        Assert.Equal(s.Orders, shop.Read("orders").Rows.Count);
        Assert.Equal(s.OrderLines, shop.Read("order_lines").Rows.Count);
        Assert.Equal(s.Reviews, shop.Read("reviews").Rows.Count);
        Assert.InRange(s.Events, 50_000, 400_000);
        Assert.True(s.Reviews > 100 && s.Orders > 1000, $"reviews {s.Reviews}, orders {s.Orders}");
        using var truth = JsonDocument.Parse(File.ReadAllBytes(s.TruthPath));
        Assert.Equal(s.Events, truth.RootElement.GetProperty("counts").GetProperty("events").GetInt64());
        Assert.Equal(1.0, truth.RootElement.GetProperty("archetypes").EnumerateArray().Sum(a => a.GetProperty("share").GetDouble()), 9);
        Assert.Equal(Archetypes.All.Select(a => a.Name), truth.RootElement.GetProperty("realised").EnumerateObject().Select(p => p.Name));
        Assert.Equal(1.0, shop.Progress[^1]);
        Assert.True(shop.Progress.SequenceEqual(shop.Progress.Order()), "progress goes forward");
    }

    [Fact]
    public void Every_reference_points_at_an_existing_row()
    {
        var customers = shop.Read("customers").Values("customer_id").ToHashSet();
        var products = shop.Read("products").Values("product_id").ToHashSet();
        var orders = shop.Read("orders");
        var orderIds = orders.Values("order_id").ToHashSet();
        var events = shop.Read("events");
        Assert.Equal(shop.Summary.Customers, customers.Count);
        Assert.All(events.Values("customer_id"), c => Assert.Contains(c, customers));
        var type = events.Column("type");
        var product = events.Column("product_id");
        foreach (var e in events.Rows)
        {
            Assert.True(EventTypes.TryParse(e[type], out _), e[type]);
            if (e[type] == "search") Assert.Equal("", e[product]);
            else Assert.Contains(e[product], products);
        }
        Assert.All(orders.Values("customer_id"), c => Assert.Contains(c, customers));
        var lines = shop.Read("order_lines");
        Assert.All(lines.Values("order_id"), o => Assert.Contains(o, orderIds));
        Assert.All(lines.Values("product_id"), p => Assert.Contains(p, products));
        Assert.Equal(orderIds.Count, lines.Values("order_id").Distinct().Count());
        // Nothing the importer's duplicate rules would fold away: ids are unique, an order never lists a product twice.
        Assert.Equal(events.Rows.Count, events.Values("event_id").Distinct().Count());
        Assert.Equal(orders.Rows.Count, orderIds.Count);
        Assert.Equal(lines.Rows.Count, lines.Rows.Select(l => (l[0], l[1])).Distinct().Count());
        // One purchase event per order line.
        Assert.Equal(lines.Rows.Count, events.Rows.Count(e => e[type] == "purchase"));
        var reviews = shop.Read("reviews");
        Assert.All(reviews.Values("customer_id"), c => Assert.Contains(c, customers));
        Assert.All(reviews.Values("product_id"), p => Assert.Contains(p, products));
        Assert.All(lines.Values("discount"), d => Assert.True(d == "" || double.Parse(d, System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 0.5, d));
    }

    [Fact]
    public void Loyal_high_spenders_order_more_than_window_shoppers_and_bargain_hunters_buy_discounts()
    {
        var archetype = ArchetypeOf();
        var perArchetype = shop.Read("orders").Values("customer_id").GroupBy(c => archetype[c]).ToDictionary(g => g.Key, g => g.Count());
        var members = archetype.Values.GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count());
        double PerCustomer(string a) => (double)perArchetype[a] / members[a];
        Assert.True(PerCustomer("loyal_high_spender") > 4 * PerCustomer("window_shopper"),
            $"orders per customer: loyal {PerCustomer("loyal_high_spender"):F2}, window {PerCustomer("window_shopper"):F2}");
        Assert.True(PerCustomer("loyal_high_spender") > 2 * PerCustomer("regular"));

        var orderOwner = shop.Read("orders").Rows.ToDictionary(r => r[0], r => archetype[r[1]]);
        var lines = shop.Read("order_lines");
        var discount = lines.Column("discount");
        double DiscountShare(string a)
        {
            var mine = lines.Rows.Where(l => orderOwner[l[0]] == a).ToList();
            return (double)mine.Count(l => l[discount] != "") / mine.Count;
        }
        Assert.True(DiscountShare("bargain_hunter") > DiscountShare("regular") + 0.05,
            $"discounted line share: bargain {DiscountShare("bargain_hunter"):F3}, regular {DiscountShare("regular"):F3}");
    }

    [Fact]
    public void Review_ratings_follow_hidden_product_quality()
    {
        var products = shop.Read("truth_products");
        var quality = products.Rows.ToDictionary(r => r[0], r => double.Parse(r[products.Column("quality")], System.Globalization.CultureInfo.InvariantCulture));
        var reviews = shop.Read("reviews");
        var q = reviews.Values("product_id").Select(p => quality[p]).ToArray();
        var rating = reviews.Values("rating").Select(r => (double)int.Parse(r, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.All(rating, r => Assert.InRange(r, 1, 5));
        var correlation = Pearson(q, rating);
        Assert.True(correlation > 0.5, $"correlation of rating with quality: {correlation:F3} over {rating.Length} reviews");
    }

    [Fact]
    public void Nothing_happens_after_a_customer_dies_or_before_sign_up()
    {
        var truth = shop.Read("truth_customers");
        var death = truth.Rows.ToDictionary(r => r[0], r => r[truth.Column("death_time")]);
        var alive = truth.Rows.ToDictionary(r => r[0], r => r[truth.Column("alive_at_end")] == "true");
        var firstSeen = shop.Read("customers").Rows.ToDictionary(r => r[0], r => r[1]);
        var end = SyntheticShopFixture.Options.End.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var dead = 0;
        foreach (var (table, customerColumn) in new[] { ("events", 1), ("orders", 1), ("reviews", 1) })
        {
            var rows = shop.Read(table);
            var time = rows.Column("timestamp");
            foreach (var r in rows.Rows)
            {
                var c = r[customerColumn];
                Assert.True(string.CompareOrdinal(r[time], death[c]) < 0, $"{table}: {c} acts at {r[time]} after dying at {death[c]}");
                Assert.True(string.CompareOrdinal(r[time], firstSeen[c]) >= 0, $"{table}: {c} acts at {r[time]} before signing up at {firstSeen[c]}");
                Assert.True(string.CompareOrdinal(r[time], end) < 0, $"{table}: {r[time]} is not before the end");
            }
        }
        foreach (var (c, isAlive) in alive)
        {
            Assert.Equal(isAlive, string.CompareOrdinal(death[c], end) >= 0);
            if (!isAlive) dead++;
        }
        var archetype = ArchetypeOf();
        double AliveShare(string a) => (double)alive.Count(p => p.Value && archetype[p.Key] == a) / archetype.Count(p => p.Value == a);
        Assert.True(dead > 100, $"only {dead} customers died");
        Assert.True(AliveShare("lapsing") < 0.5 * AliveShare("regular"), $"alive at end: lapsing {AliveShare("lapsing"):F2}, regular {AliveShare("regular"):F2}");
    }

    [Fact]
    public void New_customers_sign_up_in_the_last_30_days()
    {
        var archetype = ArchetypeOf();
        var cutoff = SyntheticShopFixture.Options.End.AddDays(-30).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var customers = shop.Read("customers").Rows;
        Assert.All(customers.Where(r => archetype[r[0]] == "new_customer"), r => Assert.True(string.CompareOrdinal(r[1], cutoff) >= 0, r[1]));
        Assert.Contains(customers, r => archetype[r[0]] != "new_customer" && string.CompareOrdinal(r[1], cutoff) < 0);
    }

    [Fact]
    public void Invalid_options_throw_ArgumentException_with_a_clear_message()
    {
        var dir = TempDir();
        void Rejects(ShopSimulatorOptions o, string word) =>
            Assert.Contains(word, Assert.ThrowsAny<ArgumentException>(() => ShopSimulator.Generate(o, dir)).Message, StringComparison.Ordinal);
        Rejects(Small with { Customers = 0 }, "Customers");
        Rejects(Small with { Products = 5 }, "Products");
        Rejects(Small with { Days = 0 }, "Days");
        Rejects(Small with { Days = 5000 }, "Days");
        Rejects(Small with { End = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Local) }, "UTC");
        Rejects(Small with { End = new DateTime(1990, 1, 1, 0, 0, 0, DateTimeKind.Utc) }, "2000-01-01");
        Assert.ThrowsAny<ArgumentException>(() => ShopSimulator.Generate(null!, dir));
        Assert.ThrowsAny<ArgumentException>(() => ShopSimulator.Generate(Small, " "));
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        var dir = TempDir();
        try
        {
            Assert.ThrowsAny<OperationCanceledException>(() => ShopSimulator.Generate(Small, dir, ct: new CancellationToken(canceled: true)));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    Dictionary<string, string> ArchetypeOf() => shop.Read("truth_customers").Rows.ToDictionary(r => r[0], r => r[1]);

    static double Pearson(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.Sqrt(sxx * syy);
    }
}
