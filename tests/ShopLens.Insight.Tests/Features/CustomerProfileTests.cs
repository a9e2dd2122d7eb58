using System.Globalization;
using ShopLens.Core.Import;
using ShopLens.Core.Store;
using ShopLens.Core.Synthetic;
using ShopLens.Insight.Features;

namespace ShopLens.Insight.Tests.Features;

/// <summary>
/// The customer profile on a hand-made shop whose every feature is worked out by hand in the comments, on shuffled
/// input, and at cut-offs that exclude everything or exactly one event.
/// </summary>
[Trait("Issue", "3")]
public sealed class CustomerProfileTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("shoplens-profile").FullName;
    static readonly DateTime AsOf = new(2024, 3, 11, 0, 0, 0, DateTimeKind.Utc); // a Monday

    ShopStore HandMadeShop()
    {
        var files = new Dictionary<string, string[]>
        {
            ["customers.csv"] = ["customer_id,first_seen", "C1,2024-01-01T00:00:00Z", "C2,", "C3,", "C4,2024-01-05T00:00:00Z"],
            // Percentile of the list price within the category path: Home>Kitchen P1 0, P3 1; Home>Bath P2 0; Toys P4 0.
            ["products.csv"] = ["product_id,category,brand,price", "P1,Home>Kitchen,Thermos,10", "P2,Home>Bath,Acme,20",
                "P3,Home>Kitchen,Acme,30", "P4,Toys,Lego,40"],
            ["orders.csv"] = ["order_id,customer_id,timestamp,status",
                "O1,C1,2024-02-01T10:00:00Z,completed", "O2,C1,2024-02-11T10:00:00Z,completed", "O3,C1,2024-03-01T10:00:00Z,completed",
                "O4,C1,2024-03-05T10:00:00Z,returned", "O5,C1,2024-03-12T10:00:00Z,completed", "O6,C3,2024-03-20T10:00:00Z,completed"],
            // O1 = 2×10 + 20×(1 − 0.5) = 30 (discounted), O2 = 30, O3 = 10.
            ["order_lines.csv"] = ["order_id,product_id,quantity,unit_price,discount",
                "O1,P1,2,10,0", "O1,P2,1,20,0.5", "O2,P3,1,30,0", "O3,P1,1,10,", "O4,P4,1,40,", "O5,P4,1,40,", "O6,P1,1,10,"],
            ["events.csv"] = ["customer_id,session_id,product_id,type,timestamp",
                "C1,s1,P1,view,2024-03-09T09:00:00Z", "C1,s1,P3,view,2024-03-09T09:05:00Z", "C1,s1,P3,cart,2024-03-09T09:10:00Z",
                "C1,,P4,view,2024-03-10T20:00:00Z", "C1,,P4,view,2024-03-10T20:10:00Z", "C1,,,search,2024-03-10T21:00:00Z",
                "C1,,P1,view,2024-02-01T09:59:00Z", "C1,,P2,view,2024-03-11T00:00:00Z",
                "C2,,P2,view,2024-03-08T12:00:00Z", "C2,,P2,purchase,2024-03-08T12:05:00Z"],
            ["reviews.csv"] = ["customer_id,product_id,timestamp,rating,text",
                "C1,P1,2024-02-05T00:00:00Z,4,good", "C1,P3,2024-02-15T00:00:00Z,5,great", "C1,P4,2024-03-12T00:00:00Z,1,bad"],
        };
        foreach (var (name, lines) in files) File.WriteAllLines(Path.Combine(_dir, name), lines);
        var store = ShopStore.Open(Path.Combine(_dir, "hand.duckdb"));
        var report = store.Import(new ImportRequest { Files = files.Keys.Select(f => new SourceFile(Path.Combine(_dir, f))).ToArray() });
        Assert.Equal(0, report.Rejected);
        return store;
    }

    static List<Dictionary<string, object?>> Rows(IShopStore store, DateTime? asOf)
    {
        using var r = store.Query($"SELECT * FROM ({CustomerProfile.Sql(asOf)}) AS profile ORDER BY customer_id");
        var rows = new List<Dictionary<string, object?>>();
        while (r.Read()) rows.Add(Enumerable.Range(0, r.FieldCount).ToDictionary(r.GetName, i => r.IsDBNull(i) ? null : r.GetValue(i)));
        return rows;
    }

    static double Number(object? value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    [Fact]
    public void Every_feature_of_a_hand_made_customer_is_as_worked_out()
    {
        using var store = HandMadeShop();
        var rows = Rows(store, AsOf);
        // C3 acts only after the cut-off and C4 never: neither is profiled.
        Assert.Equal(["C1", "C2"], rows.Select(r => (string)r["customer_id"]!));
        var c1 = rows[0];
        var expected = new Dictionary<string, double?>
        {
            ["tenure_days"] = 70,                              // 2024-01-01 (sign-up) to 2024-03-11
            ["last_active_days"] = 3 / 24.0,                   // the search at 2024-03-10 21:00
            ["recency_days"] = 9 + 14 / 24.0,                  // last kept order O3, 2024-03-01 10:00
            ["orders"] = 3, ["monetary"] = 70, ["avg_order_value"] = 70 / 3.0,
            ["avg_days_between_orders"] = 14.5,                // gaps 10 and 19 days (2024 is a leap year)
            ["sd_days_between_orders"] = Math.Sqrt(40.5),      // sample standard deviation of 10 and 19
            ["returns"] = 1, ["cancellations"] = 0,            // O4; O5 is after the cut-off
            ["distinct_products"] = 4, ["distinct_categories"] = 3, ["distinct_brands"] = 3,
            ["events"] = 7,                                    // the view at exactly the cut-off does not count
            ["n_view"] = 5, ["n_cart"] = 1, ["n_search"] = 1, ["n_purchase"] = 0, ["n_refund"] = 0,
            ["n_view_7d"] = 4, ["n_cart_7d"] = 1, ["n_search_7d"] = 1, ["n_view_30d"] = 4, ["n_view_90d"] = 5,
            ["view_to_cart"] = 0.2, ["cart_to_purchase"] = 0,
            // Touches: P1 ×4, P3 ×3, P4 ×3, P2 ×1 → Home 8 of 11; Acme 4 and Thermos 4 tie, the name decides.
            ["top_category_share"] = 8 / 11.0, ["top_brand_share"] = 4 / 11.0,
            ["discount_share"] = 1 / 3.0,
            ["price_percentile"] = 0.25,                       // bought P1, P2, P3, P1 → 0, 0, 1, 0
            ["weekend_share"] = 6 / 7.0,
            ["top_weekday"] = 0,                               // Saturday 3 and Sunday 3 tie: the lower number
            ["top_hour"] = 9,
            ["sessions"] = 4, ["events_per_session"] = 7 / 4.0, // s1, and gaps before 2/1 09:59, 3/10 20:00 and 21:00
            ["reviews"] = 2, ["mean_rating"] = 4.5,
        };
        foreach (var (column, value) in expected)
            Assert.True(Math.Abs(Number(c1[column]) - value!.Value) < 1e-9, $"{column}: {c1[column]} ≠ {value}");
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), c1["first_seen"]);
        Assert.Equal("Home", c1["top_category"]);
        Assert.Equal("Acme", c1["top_brand"]);

        // The store has orders, so C2's purchase event is not an order; its undefined ratios are NULL, not zero.
        var c2 = rows[1];
        Assert.Equal(0, Number(c2["orders"]));
        Assert.Null(c2["recency_days"]);
        Assert.Null(c2["avg_order_value"]);
        Assert.Null(c2["cart_to_purchase"]);
        Assert.Equal(0, Number(c2["view_to_cart"]));                // one view, no cart
        Assert.Equal(1, Number(c2["n_purchase"]));
    }

    [Fact]
    public void The_columns_are_the_documented_list_and_every_one_is_in_the_feature_dictionary()
    {
        using var store = HandMadeShop();
        using var r = store.Query(CustomerProfile.Sql(AsOf));
        Assert.Equal(CustomerProfile.Columns, Enumerable.Range(0, r.FieldCount).Select(r.GetName));
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "features.md"));
        foreach (var column in CustomerProfile.Columns.Where(c => c != "customer_key" && !c.StartsWith("n_", StringComparison.Ordinal)))
            Assert.Contains($"`{column}`", doc, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_off_before_any_data_gives_an_empty_profile()
    {
        using var store = HandMadeShop();
        Assert.Empty(Rows(store, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        var summary = ProfileSummary.Of(store, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(0, summary.Customers);
        Assert.Equal(0, summary.Revenue);
    }

    [Fact]
    public void A_store_without_orders_takes_its_orders_from_purchase_events()
    {
        File.WriteAllLines(Path.Combine(_dir, "events.csv"), ["customer_id,product_id,type,timestamp,price,quantity",
            "u1,p1,purchase,2024-01-01T10:00:00Z,5,2", "u1,p2,purchase,2024-01-01T10:00:00Z,3,", "u1,p1,purchase,2024-01-04T10:00:00Z,5,1",
            "u1,p1,cart,2024-01-01T09:59:00Z,,", "u1,p1,cart,2024-01-04T09:00:00Z,,"]);
        using var store = ShopStore.Open(Path.Combine(_dir, "events-only.duckdb"));
        store.Import(new ImportRequest { Files = [new SourceFile(Path.Combine(_dir, "events.csv"))] });
        var u1 = Assert.Single(Rows(store, asOf: null));
        Assert.Equal(2, Number(u1["orders"]));                // two moments of purchase
        Assert.Equal(18, Number(u1["monetary"]));             // 5×2 + 3 + 5
        Assert.Equal(3, Number(u1["avg_days_between_orders"]));
        Assert.Equal(0, Number(u1["recency_days"]));          // without a cut-off, "now" is the last event
        Assert.Equal(1.5, Number(u1["cart_to_purchase"]));     // purchase events per cart event
    }

    [Fact]
    public void Shuffled_input_gives_the_identical_profile()
    {
        var shop = ShopSimulator.Generate(new ShopSimulatorOptions { Customers = 400, Days = 60, Seed = 3 }, Path.Combine(_dir, "shop"));
        var files = new[] { shop.CustomersPath, shop.ProductsPath, shop.EventsPath, shop.OrdersPath, shop.OrderLinesPath, shop.ReviewsPath };
        var shuffled = Path.Combine(_dir, "shuffled");
        Directory.CreateDirectory(shuffled);
        var rng = new Random(11);
        foreach (var f in files)
        {
            var lines = File.ReadAllLines(f);
            var body = lines.Skip(1).ToArray();
            rng.Shuffle(body);
            File.WriteAllLines(Path.Combine(shuffled, Path.GetFileName(f)), [lines[0], .. body]);
        }
        var asOf = new DateTime(2025, 12, 10, 0, 0, 0, DateTimeKind.Utc);
        string Profile(string name, IEnumerable<string> paths)
        {
            using var store = ShopStore.Open(Path.Combine(_dir, name));
            store.Import(new ImportRequest { Files = paths.Select(p => new SourceFile(p)).ToArray() });
            // customer_key depends on arrival order; everything else must not.
            return string.Join("\n", Rows(store, asOf).Select(r => string.Join(",", r.Where(kv => kv.Key != "customer_key")
                .Select(kv => kv.Value is double d ? d.ToString("R", CultureInfo.InvariantCulture) : Convert.ToString(kv.Value, CultureInfo.InvariantCulture)))));
        }
        var ordered = Profile("ordered.duckdb", files);
        Assert.True(ordered.Split('\n').Length > 200, $"most customers are profiled: {ordered.Split('\n').Length}");
        Assert.Equal(ordered, Profile("shuffled.duckdb", files.Select(f => Path.Combine(shuffled, Path.GetFileName(f)))));
    }

    static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "ShopLens.slnx"))) dir = Path.GetDirectoryName(dir)!;
        return dir;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
