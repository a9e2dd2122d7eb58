using System.Globalization;
using ShopLens.Core.Model;
using ShopLens.Core.Synthetic;
using ShopLens.Insight.Predictions;
using ShopLens.Insight.Sequences;

namespace ShopLens.Insight.Tests.Sequences;

/// <summary>The store's events as per-customer sequences: order, ties, maps, the cut-off, the window and what is skipped.</summary>
[Trait("Issue", "8")]
public sealed class ShopSequencesTests
{
    // ann's three events at 09:00 tie in time: product p1 before p3 (product key), view before cart (type code).
    // Searches name no product; cat has nothing else, so cat gets no sequence.
    static TestStore Shop() => new TestStore().With(
        ("customers", "customer_id\nann\nbob\ncat\n"),
        ("products", "product_id\np1\np2\np3\np4\n"),
        ("events", """
            customer_id,product_id,type,timestamp,query
            bob,p2,view,2025-01-01T10:00:00Z,
            ann,p3,view,2025-01-01T09:00:00Z,
            ann,p1,cart,2025-01-01T09:00:00Z,
            ann,,search,2025-01-01T08:59:00Z,kettle
            ann,p1,view,2025-01-01T09:00:00Z,
            ann,p1,purchase,2025-01-02T12:00:00Z,
            cat,,search,2025-01-02T12:00:00Z,mug
            bob,p4,purchase,2025-01-03T00:00:00Z,
            ann,p2,view,2025-01-05T00:00:00Z,
            """));

    [Fact]
    public void Each_customer_gets_their_events_in_time_order_with_maps_back_to_the_shop()
    {
        using var t = Shop();

        var s = ShopSequences.Load(t.Store);

        // Customers and products are numbered by their first event: ann, bob; p1, p3, p2, p4.
        Assert.Equal(new[] { "ann", "bob" }, s.CustomerIds);
        Assert.Equal(new[] { "p1", "p3", "p2", "p4" }, s.ProductIds);
        Assert.Equal(new[] { EventType.View, EventType.Cart, EventType.Purchase }, s.KindTypes);
        Assert.Equal(2, s.PurchaseKind);
        Assert.Equal(2, s.SkippedWithoutProduct);
        Assert.Equal((2, 4, 3, 7), (s.Sequences.Count, s.Sequences.Items, s.Sequences.Kinds, s.Sequences.Events));
        Assert.Equal(
            new[] { ("p1", "view", "2025-01-01T09:00:00"), ("p1", "cart", "2025-01-01T09:00:00"), ("p3", "view", "2025-01-01T09:00:00"),
                    ("p1", "purchase", "2025-01-02T12:00:00"), ("p2", "view", "2025-01-05T00:00:00") },
            Translated(s, 0));
        Assert.Equal(new[] { ("p2", "view", "2025-01-01T10:00:00"), ("p4", "purchase", "2025-01-03T00:00:00") }, Translated(s, 1));
        // Keys are the store's: the customers table maps them back to the same ids.
        for (var c = 0; c < s.CustomerKeys.Count; c++)
            Assert.Equal(s.CustomerIds[c], t.Store.Scalar<string>($"SELECT customer_id FROM customers WHERE customer_key = {s.CustomerKeys[c]}"));
        for (var i = 0; i < s.ProductKeys.Count; i++)
            Assert.Equal(s.ProductIds[i], t.Store.Scalar<string>($"SELECT product_id FROM products WHERE product_key = {s.ProductKeys[i]}"));
    }

    [Fact]
    public void The_cut_off_keeps_only_what_came_strictly_before_it()
    {
        using var t = Shop();

        // ann's purchase and cat's search happened exactly at the cut-off: both are out.
        var s = ShopSequences.Load(t.Store, new ShopSequenceOptions { Before = Utc("2025-01-02T12:00:00") });

        Assert.Equal(new[] { "ann", "bob" }, s.CustomerIds);
        Assert.Equal(new[] { "p1", "p3", "p2" }, s.ProductIds);
        Assert.Equal(new[] { EventType.View, EventType.Cart }, s.KindTypes);
        Assert.Null(s.PurchaseKind);
        Assert.Equal(1, s.SkippedWithoutProduct);
        Assert.Equal(new[] { "p1", "p1", "p3" }, Translated(s, 0).Select(e => e.Product));
        Assert.Equal(new[] { "p2" }, Translated(s, 1).Select(e => e.Product));

        var none = Assert.Throws<InsufficientDataException>(() => ShopSequences.Load(t.Store, new ShopSequenceOptions { Before = Utc("2025-01-01T09:00:00") }));
        Assert.Contains("2025-01-01 09:00:00", none.Message);
    }

    [Fact]
    public void The_window_keeps_each_customers_latest_events_in_the_same_order()
    {
        using var t = Shop();

        var two = ShopSequences.Load(t.Store, new ShopSequenceOptions { MaxLength = 2 });
        // Only ann's purchase and last view are left of her: bob's view now comes first, so bob is sequence 0.
        Assert.Equal(new[] { "bob", "ann" }, two.CustomerIds);
        Assert.Equal(new[] { "p2", "p1", "p4" }, two.ProductIds);
        Assert.Equal(new[] { ("p1", "purchase"), ("p2", "view") }, Translated(two, 1).Select(e => (e.Product, e.Type)));
        Assert.Equal(2, two.SkippedWithoutProduct);

        // Four of ann's five: the first of the 09:00 tie (p1's view) is the one dropped.
        var four = ShopSequences.Load(t.Store, new ShopSequenceOptions { MaxLength = 4 });
        Assert.Equal(new[] { ("p1", "cart"), ("p3", "view"), ("p1", "purchase"), ("p2", "view") },
            Translated(four, four.CustomerIds.ToList().IndexOf("ann")).Select(e => (e.Product, e.Type)));

        Assert.Throws<ArgumentException>(() => ShopSequences.Load(t.Store, new ShopSequenceOptions { MaxLength = 0 }));
    }

    [Fact]
    public void On_a_synthetic_shop_the_sequences_match_the_events_read_independently()
    {
        using var t = new TestStore();
        t.WithSyntheticShop(new ShopSimulatorOptions { Customers = 300, Products = 80, Days = 60, Seed = 7 });
        var last = t.Store.Scalar<DateTime>("SELECT max(ts) FROM events");
        var cut = DateTime.SpecifyKind(last.AddDays(-20), DateTimeKind.Utc);

        var s = ShopSequences.Load(t.Store, new ShopSequenceOptions { Before = cut });

        var before = $"ts < TIMESTAMP '{cut:yyyy-MM-dd HH:mm:ss.ffffff}'";
        var withoutProduct = t.Store.Scalar<long>($"SELECT count(*) FROM events WHERE product_key IS NULL AND {before}");
        Assert.True(withoutProduct > 0, "the synthetic shop has searches");
        Assert.Equal(withoutProduct, s.SkippedWithoutProduct);
        Assert.Equal(t.Store.Scalar<long>($"SELECT count(*) FROM events WHERE product_key IS NOT NULL AND {before}"), s.Sequences.Events);
        Assert.True(s.Sequences.Time.Max() < new DateTimeOffset(cut).ToUnixTimeSeconds());
        Assert.Equal(s.KindTypes.Contains(EventType.Purchase), s.PurchaseKind is not null);
        Assert.Equal(s.CustomerIds.Count, s.CustomerIds.Distinct().Count());
        Assert.Equal(s.ProductIds.Count, s.ProductIds.Distinct().Count());

        // Every customer's events by id, in time order, as SQL gives them; ties ordered as the loader documents.
        var expected = new Dictionary<string, List<(string, string, string)>>();
        using (var reader = t.Store.Query($"""
            SELECT c.customer_id, p.product_id, y.name, e.ts FROM events e JOIN customers c USING (customer_key)
              JOIN products p USING (product_key) JOIN event_types y USING (type)
            WHERE {before} ORDER BY c.customer_id, e.ts, e.product_key, e.type
            """))
            while (reader.Read())
            {
                if (!expected.TryGetValue(reader.GetString(0), out var list)) expected[reader.GetString(0)] = list = [];
                list.Add((reader.GetString(1), reader.GetString(2), Seconds(reader.GetDateTime(3))));
            }
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), s.CustomerIds.Order(StringComparer.Ordinal));
        for (var c = 0; c < s.Sequences.Count; c++)
            Assert.Equal(expected[s.CustomerIds[c]], Translated(s, c));
    }

    /// <summary>Sequence <paramref name="sequence"/> through the maps: product id, event type name, time as ISO seconds.</summary>
    static List<(string Product, string Type, string Time)> Translated(ShopSequences s, int sequence)
    {
        var items = s.Sequences.ItemsOf(sequence);
        var kinds = s.Sequences.KindsOf(sequence);
        var times = s.Sequences.TimesOf(sequence);
        var events = new List<(string, string, string)>();
        for (var e = 0; e < items.Length; e++)
            events.Add((s.ProductIds[items[e]], EventTypes.Name(s.KindTypes[kinds[e]]),
                DateTimeOffset.FromUnixTimeSeconds(times[e]).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)));
        return events;
    }

    static string Seconds(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);

    static DateTime Utc(string iso) => DateTime.SpecifyKind(DateTime.Parse(iso, CultureInfo.InvariantCulture), DateTimeKind.Utc);
}
