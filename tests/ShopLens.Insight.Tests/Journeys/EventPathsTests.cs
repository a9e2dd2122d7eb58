using ShopLens.Core.Model;
using ShopLens.Insight.Journeys;
using ShopLens.Insight.Tests.Cohorts;

namespace ShopLens.Insight.Tests.Journeys;

/// <summary>Event paths: sessions, collapsed repeats, truncation and the paths to a purchase, against hand counts and a plain C# recount.</summary>
[Trait("Issue", "3")]
[Collection(SyntheticShopCollection.Name)]
public sealed class EventPathsTests(SyntheticShop data)
{
    static IEnumerable<(string Path, bool Truncated, long Sessions)> Rows(IEnumerable<EventPath> paths) =>
        paths.Select(p => (string.Join(">", p.Steps), p.Truncated, p.Sessions));

    [Fact]
    public void Sessions_collapse_repeats_and_split_after_the_gap()
    {
        using var shop = new TestStore().With(("events", """
            customer_id,session_id,product_id,type,timestamp,price,quantity
            A,,p1,view,2025-01-01T10:00:00Z,,
            A,,p2,view,2025-01-01T10:10:00Z,,
            A,,p2,cart,2025-01-01T10:40:00Z,,
            A,,p2,purchase,2025-01-01T11:10:01Z,5,1
            B,s1,p1,search,2025-01-01T10:00:00Z,,
            B,s1,p1,view,2025-01-01T12:00:00Z,,
            B,s1,p1,cart,2025-01-01T12:00:00Z,,
            B,s1,p1,purchase,2025-01-01T12:00:00Z,5,1
            B,s1,p1,view,2025-01-01T12:05:00Z,,
            B,s2,p1,view,2025-01-01T12:06:00Z,,
            C,,p1,view,2025-01-02T10:00:00Z,,
            C,,p1,click,2025-01-02T10:01:00Z,,
            C,,p1,view,2025-01-02T10:02:00Z,,
            C,,p1,click,2025-01-02T10:03:00Z,,
            C,,p1,cart,2025-01-02T10:04:00Z,,
            C,,p1,view,2025-01-02T10:05:00Z,,
            C,,p1,purchase,2025-01-02T10:06:00Z,5,1
            """));
        var report = EventPaths.Compute(shop.Store, new PathOptions { Steps = 4 });
        // A: views 10 minutes apart, then exactly 30 minutes to the cart (same session), then 30 minutes and a second.
        // B: the session id holds two hours together; same-second events go by type code; s2 is its own session.
        Assert.Equal(5, report.Sessions);
        Assert.Equal(
            [("purchase", false, 1L), ("search>view>cart>purchase", true, 1), ("view", false, 1), ("view>cart", false, 1), ("view>click>view>click", true, 1)],
            Rows(report.Top));
        Assert.Equal(3, report.PurchaseSessions);
        // To a purchase: C's seven steps keep their last four; B's purchase is its fourth step, so nothing is cut.
        Assert.Equal([("click>cart>view>purchase", true, 1L), ("purchase", false, 1), ("search>view>cart>purchase", false, 1)], Rows(report.ToPurchase));
        Assert.Equal("… › click › cart › view › purchase", report.ToPurchase.Single(p => p.Truncated).Describe(toPurchase: true));

        var early = EventPaths.Compute(shop.Store, new PathOptions { AsOf = new DateTime(2025, 1, 1, 10, 5, 0, DateTimeKind.Utc) });
        Assert.Equal(2, early.Sessions);
        Assert.Equal(0, early.PurchaseSessions);
        Assert.Empty(EventPaths.Compute(shop.Store, new PathOptions { AsOf = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc) }).Top);
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(4, 25)]
    [InlineData(7, 40)]
    public void Path_counts_equal_a_plain_recount_on_the_synthetic_shop(int steps, int top)
    {
        var options = new PathOptions { AsOf = SyntheticShop.Options.End.AddDays(-20), Steps = steps, Top = top };
        var report = EventPaths.Compute(data.Shop.Store, options);
        var (sessions, all, purchaseSessions, toPurchase) = Recount(options);
        Assert.True(sessions > 1000);
        Assert.Equal(sessions, report.Sessions);
        Assert.Equal(purchaseSessions, report.PurchaseSessions);
        Assert.Equal(all.Take(options.Top), Rows(report.Top));
        Assert.Equal(toPurchase.Take(options.Top), Rows(report.ToPurchase));
    }

    [Fact]
    public void Bad_options_are_errors()
    {
        Assert.Throws<ArgumentException>(() => EventPaths.Sql(new PathOptions { Steps = 0 }));
        Assert.Throws<ArgumentException>(() => EventPaths.Sql(new PathOptions { Steps = PathOptions.MaxSteps + 1 }));
        Assert.Throws<ArgumentException>(() => EventPaths.Sql(new PathOptions { Top = 0 }));
        Assert.Throws<ArgumentException>(() => EventPaths.Sql(new PathOptions { SessionGapMinutes = 0 }));
    }

    // Sessions, collapse and truncation written out plainly over every event read back from the store.
    (long Sessions, List<(string, bool, long)> All, long PurchaseSessions, List<(string, bool, long)> ToPurchase) Recount(PathOptions options)
    {
        var events = new List<(int Customer, string? Session, int Type, DateTime Ts, int? Product)>();
        using (var r = data.Shop.Store.Query($"SELECT customer_key, session_id, type, ts, product_key FROM events WHERE ts < TIMESTAMP '{options.AsOf:yyyy-MM-dd HH:mm:ss}'"))
            while (r.Read())
                events.Add((r.GetInt32(0), r.IsDBNull(1) ? null : r.GetString(1), Convert.ToInt32(r.GetValue(2)), r.GetDateTime(3), r.IsDBNull(4) ? null : r.GetInt32(4)));
        var sessions = new List<List<int>>();
        foreach (var group in events.GroupBy(e => (e.Customer, e.Session)))
        {
            var ordered = group.OrderBy(e => e.Ts).ThenBy(e => e.Type).ThenBy(e => e.Product ?? int.MaxValue).ToList();
            List<int>? current = null;
            for (var i = 0; i < ordered.Count; i++)
            {
                if (current is null || (group.Key.Session is null && ordered[i].Ts - ordered[i - 1].Ts > TimeSpan.FromMinutes(options.SessionGapMinutes)))
                    sessions.Add(current = []);
                if (current.Count == 0 || current[^1] != ordered[i].Type) current.Add(ordered[i].Type);
            }
        }
        string Name(int type) => EventTypes.Name((EventType)type);
        var n = options.Steps;
        var all = sessions.Select(s => (string.Join(">", s.Take(n).Select(Name)), s.Count > n));
        var purchases = sessions.Where(s => s.Contains((int)EventType.Purchase)).Select(s =>
        {
            var p = s.IndexOf((int)EventType.Purchase);
            return (string.Join(">", s.Skip(Math.Max(0, p - n + 1)).Take(Math.Min(n, p + 1)).Select(Name)), p >= n);
        }).ToList();
        static List<(string, bool, long)> Rank(IEnumerable<(string Path, bool Truncated)> paths) => paths
            .GroupBy(p => p).Select(g => (g.Key.Path, g.Key.Truncated, (long)g.Count()))
            .OrderByDescending(p => p.Item3).ThenBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Truncated).ToList();
        return (sessions.Count, Rank(all), purchases.Count, Rank(purchases));
    }
}
