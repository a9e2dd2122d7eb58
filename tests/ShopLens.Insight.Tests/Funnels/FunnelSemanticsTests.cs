using System.Globalization;
using ShopLens.Core.Model;
using ShopLens.Insight.Funnels;
using ShopLens.Insight.Segments;

namespace ShopLens.Insight.Tests.Funnels;

/// <summary>The rules of docs/funnels.md on hand-made event sets small enough to count by eye.</summary>
[Trait("Issue", "3")]
public sealed class FunnelSemanticsTests
{
    static readonly DateTime T0 = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    static readonly EventType[] ViewCartBuy = [EventType.View, EventType.Cart, EventType.Purchase];

    // customer, minutes after T0, type, product (default p1), channel
    static (string Table, string Csv) Events(params (string Customer, double Minutes, string Type, string Product, string Channel)[] rows) =>
        ("events", "customer_id,product_id,type,timestamp,channel\n" + string.Concat(rows.Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{r.Customer},{r.Product},{r.Type},{T0.AddMinutes(r.Minutes):yyyy-MM-ddTHH:mm:ss.fffZ},{r.Channel}\n"))));

    static (string, double, string, string, string) E(string customer, double minutes, string type, string product = "p1", string channel = "") =>
        (customer, minutes, type, product, channel);

    static FunnelDefinition Funnel(string window = "1d", EventType[]? steps = null) =>
        new() { Steps = steps ?? ViewCartBuy, Window = ConversionWindow.Parse(window), CorrelationTop = 0 };

    static long[] Counts(FunnelResult r) => [.. r.Steps.Select(s => s.Customers)];

    /// <summary>Each customer's attempt (reach and step times) straight from <see cref="FunnelAttempts.Create"/>.</summary>
    static Dictionary<string, (int Reach, DateTime?[] Times)> Attempts(TestStore shop, FunnelDefinition funnel)
    {
        var attempts = new Dictionary<string, (int, DateTime?[])>();
        FunnelAttempts.Create(shop.Store, funnel, "test_attempts");
        using var r = shop.Store.Query("SELECT c.customer_id, a.* FROM test_attempts a JOIN customers c USING (customer_key)");
        while (r.Read())
            attempts[r.GetString(0)] = (Convert.ToInt32(r["reach"], CultureInfo.InvariantCulture),
                [.. Enumerable.Range(1, funnel.Steps.Count).Select(k => r.IsDBNull(r.GetOrdinal($"t{k}")) ? (DateTime?)null : r.GetDateTime(r.GetOrdinal($"t{k}")))]);
        return attempts;
    }

    [Fact]
    public void Steps_out_of_order_do_not_count()
    {
        using var shop = new TestStore().With(Events(
            E("a", 0, "cart"), E("a", 10, "view"), E("a", 5, "purchase"),
            E("b", 0, "view"), E("b", 5, "purchase"), E("b", 10, "cart")));
        var result = FunnelAnalysis.Run(shop.Store, Funnel());
        Assert.Equal([2L, 1L, 0L], Counts(result));
        Assert.Equal(600, result.Steps[1].MedianTimeToStepSeconds);
        Assert.Null(result.Steps[2].MedianTimeToStepSeconds);
        Assert.Equal(0.5, result.Steps[1].Conversion);
        Assert.Equal(0.0, result.Steps[2].Conversion);
        Assert.Equal(1, result.Steps[2].DropOff);
    }

    [Fact]
    public void Steps_past_the_window_do_not_count_and_the_window_includes_its_end()
    {
        using var shop = new TestStore().With(Events(
            E("exact", 0, "view"), E("exact", 60, "cart"),
            E("late", 0, "view"), E("late", 61, "cart"),
            E("half", 0, "view"), E("half", 30, "cart"), E("half", 60.5, "purchase")));
        var attempts = Attempts(shop, Funnel("1h"));
        Assert.Equal(2, attempts["exact"].Reach);
        Assert.Equal(1, attempts["late"].Reach);
        Assert.Equal(2, attempts["half"].Reach);
        Assert.Equal([3L, 2L, 0L], Counts(FunnelAnalysis.Run(shop.Store, Funnel("1h"))));
        Assert.Equal([3L, 3L, 1L], Counts(FunnelAnalysis.Run(shop.Store, Funnel("2h"))));
    }

    [Fact]
    public void Events_at_the_same_moment_count_in_step_order_but_one_event_fills_one_step()
    {
        using var shop = new TestStore().With(Events(
            E("same", 0, "view"), E("same", 0, "cart", "p2"), E("same", 0, "purchase", "p3"),
            E("twice_at_once", 0, "view", "p1"), E("twice_at_once", 0, "view", "p2"),
            E("twice", 0, "view", "p1"), E("twice", 1.0 / 60, "view", "p2")));
        var same = Attempts(shop, Funnel())["same"];
        Assert.Equal(3, same.Reach);
        Assert.Equal([T0, T0, T0], same.Times.Select(t => t!.Value));
        var twice = Attempts(shop, Funnel(steps: [EventType.View, EventType.View]));
        Assert.Equal(1, twice["twice_at_once"].Reach);
        Assert.Equal(2, twice["twice"].Reach);
        Assert.Equal(1, twice["same"].Reach);
    }

    [Fact]
    public void The_attempt_is_the_earliest_start_that_gets_furthest()
    {
        using var shop = new TestStore().With(Events(
            // The first view's cart comes after the window; the attempt from the later view completes.
            E("retry", 0, "view"), E("retry", 25 * 60, "cart"), E("retry", 30 * 60, "view"), E("retry", 31 * 60, "cart"), E("retry", 32 * 60, "purchase"),
            // Two views lead to the same cart: the first view starts the attempt.
            E("browse", 0, "view"), E("browse", 5 * 60, "view", "p2"), E("browse", 6 * 60, "cart")));
        var attempts = Attempts(shop, Funnel());
        Assert.Equal(3, attempts["retry"].Reach);
        Assert.Equal([T0.AddHours(30), T0.AddHours(31), T0.AddHours(32)], attempts["retry"].Times.Select(t => t!.Value));
        Assert.Equal(2, attempts["browse"].Reach);
        Assert.Equal([T0, T0.AddHours(6), null], attempts["browse"].Times);
    }

    [Fact]
    public void The_time_range_excludes_events_at_or_after_the_cut_off_and_before_from()
    {
        using var shop = new TestStore().With(Events(E("a", 0, "view"), E("a", 10, "cart"), E("a", 20, "purchase")));
        Assert.Equal([1L, 1L, 1L], Counts(FunnelAnalysis.Run(shop.Store, Funnel())));
        Assert.Equal([1L, 1L, 0L], Counts(FunnelAnalysis.Run(shop.Store, Funnel() with { AsOf = T0.AddMinutes(20) })));
        Assert.Equal([1L, 0L, 0L], Counts(FunnelAnalysis.Run(shop.Store, Funnel() with { AsOf = T0.AddMinutes(10) })));
        Assert.Equal([0L, 0L, 0L], Counts(FunnelAnalysis.Run(shop.Store, Funnel() with { From = T0.AddMinutes(1) })));
    }

    [Fact]
    public void A_cut_off_before_any_data_gives_an_empty_funnel()
    {
        using var shop = new TestStore().With(
            ("products", "product_id,category\np1,Toys>Cars\n"),
            Events(E("a", 0, "view"), E("a", 10, "cart"), E("b", 5, "favorite")));
        var empty = new FunnelDefinition { Steps = ViewCartBuy, AsOf = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), By = FunnelBreakdown.Category };
        var result = FunnelAnalysis.Run(shop.Store, empty);
        Assert.Equal([0L, 0L, 0L], Counts(result));
        Assert.All(result.Steps, s => Assert.Null(s.ConversionFromStart));
        Assert.All(result.Steps, s => Assert.Null(s.MedianTimeToStepSeconds));
        Assert.Null(result.Conversion);
        Assert.Null(result.MedianTimeToConvertSeconds);
        Assert.Empty(result.Breakdown);
        Assert.Equal(new FunnelCorrelations(0, 0, true, [], [], []), result.Correlations! with { EventTypes = [], Attributes = [], Categories = [] });
        Assert.Empty(result.Correlations!.EventTypes);
    }

    [Fact]
    public void The_channel_breakdown_takes_the_events_channel_else_the_customers()
    {
        using var shop = new TestStore().With(
            ("customers", "customer_id,channel\na,ads\nb,ads\nc,\n"),
            Events(E("a", 0, "view", channel: "app"), E("a", 1, "cart"), E("b", 0, "view"), E("c", 0, "view"), E("d", 0, "view", channel: "app")));
        var result = FunnelAnalysis.Run(shop.Store, Funnel() with { By = FunnelBreakdown.Channel });
        var groups = result.Breakdown.ToDictionary(g => g.Value, g => (g.Entered, g.Steps[1].Customers));
        Assert.Equal(new Dictionary<string, (long, long)> { ["app"] = (2, 1), ["ads"] = (1, 0), [FunnelAnalysis.NoValue] = (1, 0) }, groups);
        Assert.Equal("app", result.Breakdown[0].Value);
    }

    [Fact]
    public void The_segment_breakdown_reads_the_saved_segments_and_needs_some()
    {
        using var shop = new TestStore().With(Events(E("a", 0, "view"), E("a", 1, "cart"), E("b", 0, "view"), E("c", 0, "view")));
        var bySegment = Funnel() with { By = FunnelBreakdown.Segment, SegmentMethod = "rules" };
        var missing = Assert.Throws<ArgumentException>(() => FunnelAnalysis.Run(shop.Store, bySegment));
        Assert.Contains("'rules'", missing.Message, StringComparison.Ordinal);
        SavedSegments.Replace(shop.Store, "rules", null,
            "SELECT customer_key, CASE WHEN customer_id = 'a' THEN 'keen' ELSE 'idle' END AS segment FROM customers WHERE customer_id IN ('a', 'b')");
        var result = FunnelAnalysis.Run(shop.Store, bySegment);
        var groups = result.Breakdown.ToDictionary(g => g.Value, g => (g.Entered, g.Converted));
        Assert.Equal(new Dictionary<string, (long, long)> { ["keen"] = (1, 0), ["idle"] = (1, 0), [FunnelAnalysis.NoValue] = (1, 0) }, groups);
        Assert.Equal(1, FunnelAnalysis.Run(shop.Store, bySegment with { Steps = [EventType.View, EventType.Cart] }).Breakdown.Single(g => g.Value == "keen").Converted);
    }

    [Fact]
    public void Correlation_odds_ratios_equal_the_hand_count_on_a_planted_shop()
    {
        // c1..c4 view a toy and buy it within the day; c5..c10 view a book and stop. Favorites inside the attempt: c1, c2,
        // c3 (converted) and c5 (not); c4's favorite comes after its purchase and c6's before its view, so neither counts.
        // Region North: c1 and c5, c6, c7.
        var customers = "customer_id,region\n" + string.Concat(Enumerable.Range(1, 10).Select(i => $"c{i},{(i is 1 or 5 or 6 or 7 ? "North" : "South")}\n"));
        var rows = new List<(string, double, string, string, string)>();
        for (var i = 1; i <= 10; i++)
        {
            var id = $"c{i}";
            rows.Add(E(id, 60, "view", i <= 4 ? "toy" : "book"));
            if (i <= 4) rows.Add(E(id, 120, "purchase", "toy"));
        }
        rows.AddRange([E("c1", 90, "favorite"), E("c2", 90, "favorite"), E("c3", 90, "favorite"), E("c5", 600, "favorite"),
            E("c4", 121, "favorite"), E("c6", 30, "favorite")]);
        using var shop = new TestStore().With(("customers", customers), ("products", "product_id,category\ntoy,Toys>Cars\nbook,Books>Novels\np1,Home\n"),
            Events([.. rows]));
        var result = FunnelAnalysis.Run(shop.Store, new FunnelDefinition { Steps = [EventType.View, EventType.Purchase] });
        var c = result.Correlations!;
        Assert.Equal((4L, 6L, false), (c.Converted, c.DroppedOff, c.Skewed));
        // ((s + 1)(F - f + 1)) / ((S - s + 1)(f + 1)) with S = 4, F = 6.
        var favorite = Assert.Single(c.EventTypes);
        Assert.Equal(("favorite", 3L, 1L), (favorite.Name, favorite.SuccessCount, favorite.FailureCount));
        Assert.Equal(4.0 * 6 / (2 * 2), favorite.OddsRatio, 12);
        var north = c.Attributes.Single(s => s.Name == "region=North");
        Assert.Equal((1L, 3L), (north.SuccessCount, north.FailureCount));
        Assert.Equal(2.0 * 4 / (4 * 4), north.OddsRatio, 12);
        Assert.False(north.TowardsConversion);
        var south = c.Attributes.Single(s => s.Name == "region=South");
        Assert.Equal(4.0 * 4 / (2 * 4), south.OddsRatio, 12);
        Assert.Equal(["region=South", "region=North"], c.Attributes.Select(s => s.Name));
        Assert.Equal(["Toys", "Books"], c.Categories.Select(s => s.Name));
        Assert.Equal(5.0 * 7 / (1 * 1), c.Categories[0].OddsRatio, 12);
        Assert.Equal(1.0 / 35, c.Categories[1].OddsRatio, 12);
        Assert.Equal(1, FunnelAnalysis.Run(shop.Store, new FunnelDefinition { Steps = [EventType.View, EventType.Purchase], CorrelationTop = 1 })
            .Correlations!.Categories.Count(s => s.TowardsConversion));
    }

    [Fact]
    public void Each_customers_attempt_exports_to_csv()
    {
        using var shop = new TestStore().With(Events(E("b", 0, "view"), E("a", 0, "view"), E("a", 10, "cart"), E("a", 20, "purchase")));
        var path = Path.Combine(shop.Folder, "attempts.csv");
        Assert.Equal(2, FunnelAnalysis.Run(shop.Store, Funnel(), path).Entered);
        var lines = File.ReadAllLines(path);
        Assert.Equal("customer_id,steps_reached,converted,view_at,cart_at,purchase_at", lines[0]);
        Assert.StartsWith("a,3,true,2024-03-01 00:00:00", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("b,1,false,2024-03-01 00:00:00,,", lines[2], StringComparison.Ordinal);
    }
}
