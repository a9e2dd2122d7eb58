using System.Text.Json;

namespace ShopLens.Core.Synthetic;

/// <summary>
/// Writes the planted truth later analyses are checked against: truth.json (options, archetype definitions, counts,
/// per-archetype realised figures), truth_customers.csv (each customer's archetype and hidden rates) and
/// truth_products.csv (each product's hidden quality and popularity, the aspects its reviews complain about and praise,
/// and whether a bad batch lowers its quality near the end).
/// </summary>
static class TruthWriter
{
    public const string TruthFile = "truth.json", CustomersFile = "truth_customers.csv", ProductsFile = "truth_products.csv";

    public static void WriteCustomers(string path, IReadOnlyList<SyntheticCustomer> customers, ProductCatalog catalog, long end)
    {
        using var w = new CsvRowWriter(path);
        w.Header(["customer_id", "archetype", "purchase_rate", "dropout_rate", "alive_at_end", "top_category", "price_sensitivity",
            "death_time", "peak_hour_utc", "weekend_factor", "favourite_brand"]);
        foreach (var c in customers)
        {
            w.Text(c.Id);
            w.Text(Archetypes.All[c.Archetype].Name);
            w.Real(c.PurchaseRate);
            w.Real(c.DropoutRate);
            w.Boolean(c.Death >= end);
            w.Text(ShopVocabulary.Categories[c.TopCategory].Name);
            w.Real(c.PriceSensitivity, 4);
            w.Time(c.Death);
            w.Integer(c.PeakHourUtc);
            w.Real(c.WeekendFactor, 4);
            w.Text(catalog.BrandNames[c.TopCategory][c.FavouriteBrand]);
            w.EndRow();
        }
    }

    public static void WriteProducts(string path, ProductCatalog catalog)
    {
        using var w = new CsvRowWriter(path);
        w.Header(["product_id", "category", "brand", "quality", "popularity", "complained_aspect", "praised_aspect", "bad_batch"]);
        foreach (var p in catalog.Products)
        {
            w.Text(p.Id);
            w.Text(p.Leaf.Path);
            w.Text(p.Brand);
            w.Real(p.Quality, 4);
            w.Real(p.Popularity, 4);
            w.Text(p.ComplainedAspect.Name);
            w.Text(p.PraisedAspect.Name);
            w.Boolean(p.BadBatch);
            w.EndRow();
        }
    }

    public static void WriteJson(string path, ShopSimulatorOptions options, SyntheticShopSummary counts, IReadOnlyList<ArchetypeTally> tallies)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" });
        json.WriteStartObject();
        json.WriteString("generator", "ShopLens.Core.Synthetic.ShopSimulator");
        json.WriteStartObject("options");
        json.WriteNumber("customers", options.Customers);
        json.WriteNumber("products", options.Products);
        json.WriteNumber("days", options.Days);
        json.WriteNumber("seed", options.Seed);
        json.WriteString("start", options.End.AddDays(-options.Days).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("end", options.End.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteEndObject();

        json.WriteStartObject("model");
        json.WriteString("purchases", "orders arrive as Poisson(purchase_rate) per day between first_seen and death (Pareto/NBD)");
        json.WriteString("lifetime", "death = max(first_seen, start) + Exponential(dropout_rate) days (all but new customers signed up within the year before start); nothing happens after death");
        json.WriteString("rates", "purchase_rate ~ Gamma(purchase_rate_shape, mean purchase_rate_mean); dropout_rate ~ Gamma(dropout_rate_shape, mean dropout_rate_mean)");
        json.WriteString("funnel", "each viewed product is carted with probability view_to_cart × (1 + 10·s²·discount% / 100) when promoted and × (1 − s²) at full price, s = price_sensitivity; a session with a cart checks out with probability cart_to_purchase");
        json.WriteString("ratings", "rating = round(1 + 4·quality + Normal(0, 0.75)), one star less for returned orders, clamped to 1..5");
        json.WriteString("discounts", "18% of (product, week) pairs are on promotion at 5–50%; an order gets a 5–20% coupon with probability 0.03 + 0.4·s²; s above ½ leans to the cheaper of two offers, below ½ to the pricier");
        json.WriteString("purchase_events", "one purchase event per order line, at the order's timestamp, in the session that placed it");
        json.WriteEndObject();

        json.WriteStartArray("archetypes");
        foreach (var a in Archetypes.All)
        {
            json.WriteStartObject();
            json.WriteString("name", a.Name);
            json.WriteNumber("share", a.Share);
            json.WriteNumber("purchase_rate_mean", a.PurchaseRateMean);
            json.WriteNumber("purchase_rate_shape", a.PurchaseRateShape);
            json.WriteNumber("dropout_rate_mean", a.DropoutRateMean);
            json.WriteNumber("dropout_rate_shape", a.DropoutRateShape);
            json.WriteNumber("expected_lifetime_days", 1 / a.DropoutRateMean);
            json.WriteNumber("view_to_cart", a.ViewToCart);
            json.WriteNumber("cart_to_purchase", a.CartToPurchase);
            json.WriteNumber("views_per_session", 1 + a.ViewsPerSession);
            json.WriteNumber("session_conversion", a.SessionConversion);
            json.WriteNumber("price_sensitivity", a.PriceSensitivity);
            json.WriteNumber("review_rate", a.ReviewRate);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartObject("counts");
        json.WriteNumber("customers", counts.Customers);
        json.WriteNumber("products", counts.Products);
        json.WriteNumber("events", counts.Events);
        json.WriteNumber("orders", counts.Orders);
        json.WriteNumber("order_lines", counts.OrderLines);
        json.WriteNumber("reviews", counts.Reviews);
        json.WriteEndObject();

        json.WriteStartObject("realised");
        for (var i = 0; i < tallies.Count; i++) WriteRealised(json, Archetypes.All[i].Name, tallies[i]);
        json.WriteEndObject();

        json.WriteStartArray("categories");
        foreach (var c in ShopVocabulary.Categories) json.WriteStringValue(c.Name);
        json.WriteEndArray();

        json.WriteStartObject("files");
        json.WriteString("truth_customers", CustomersFile);
        json.WriteString("truth_products", ProductsFile);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    static void WriteRealised(Utf8JsonWriter json, string name, ArchetypeTally t)
    {
        json.WriteStartObject(name);
        json.WriteNumber("customers", t.Customers);
        json.WriteNumber("alive_at_end", t.AliveAtEnd);
        json.WriteNumber("buyers", t.Buyers);
        json.WriteNumber("active_days", Math.Round(t.ActiveDays, 3));
        json.WriteNumber("sessions", t.Sessions);
        json.WriteNumber("events", t.Events);
        json.WriteNumber("views", t.Views);
        json.WriteNumber("carts", t.Carts);
        json.WriteNumber("remove_carts", t.RemovedFromCart);
        json.WriteNumber("purchase_events", t.PurchaseEvents);
        json.WriteNumber("orders", t.Orders);
        json.WriteNumber("cancelled_orders", t.CancelledOrders);
        json.WriteNumber("returned_orders", t.ReturnedOrders);
        json.WriteNumber("orders_per_customer", Math.Round(t.OrdersPerCustomer, 6));
        json.WriteNumber("purchase_rate", Math.Round(t.PurchaseRate, 6));
        json.WriteNumber("view_to_cart", Math.Round(t.ViewToCart, 6));
        json.WriteNumber("cart_to_purchase", Math.Round(t.CartToPurchase, 6));
        json.WriteNumber("session_conversion", Math.Round(t.SessionConversion, 6));
        json.WriteNumber("discounted_line_share", Math.Round(t.DiscountedLineShare, 6));
        json.WriteNumber("revenue", t.RevenueCents / 100.0);
        json.WriteNumber("revenue_per_customer", Math.Round(t.RevenuePerCustomer, 2));
        json.WriteNumber("reviews", t.Reviews);
        json.WriteNumber("mean_rating", Math.Round(t.MeanRating, 4));
        json.WriteEndObject();
    }
}
