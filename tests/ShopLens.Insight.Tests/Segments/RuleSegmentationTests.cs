using ShopLens.Insight.Features;
using ShopLens.Insight.Segments;
using ShopLens.Insight.Segments.Rules;

namespace ShopLens.Insight.Tests.Segments;

/// <summary>Rule tags on a five-customer shop whose profile is known by hand: first match wins, missing values, the saved table.</summary>
[Trait("Issue", "3")]
public sealed class RuleSegmentationTests(RuleSegmentationTests.FiveCustomers shop) : IClassFixture<RuleSegmentationTests.FiveCustomers>
{
    static readonly DateTime AsOf = new(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// a: three orders of 200, the last 90 days ago, looked at kitchen things. b: one order of 50 five days ago (and a
    /// returned one), ten garden views. c: no orders, six kitchen views and two carts within 30 days. d: two book
    /// views 100 days ago (and one after the cut-off). e: two orders of 400, the last 65 days ago, no events.
    /// The profile is materialised once, so conditions can be checked against it directly.
    /// </summary>
    public sealed class FiveCustomers : IDisposable
    {
        public FiveCustomers()
        {
            static string At(double days, int hours = 0) => SegmentShop.Time(AsOf.AddDays(days).AddHours(hours));
            var events = new List<string>();
            events.AddRange(Enumerable.Range(0, 4).Select(h => $"a,p1,view,{At(-90, h)}"));
            events.AddRange(Enumerable.Range(0, 10).Select(h => $"b,p2,view,{At(-10, h)}"));
            events.AddRange(Enumerable.Range(0, 6).Select(h => $"c,p1,view,{At(-20, h)}"));
            events.AddRange(Enumerable.Range(0, 2).Select(h => $"c,p1,cart,{At(-19, h)}"));
            events.AddRange(Enumerable.Range(0, 2).Select(h => $"d,p3,view,{At(-100, h)}"));
            events.Add($"d,p3,view,{At(1)}");
            Shop.ImportCsv(
                ("products", "product_id,category,brand,price", ["p1,Home>Kitchen,Thermos,10.00", "p2,Garden>Tools,Acme,20.00", "p3,Books,,5.00"]),
                ("events", "customer_id,product_id,type,timestamp", events),
                ("orders", "order_id,customer_id,timestamp,status,amount",
                [
                    $"a1,a,{At(-120)},completed,200.00", $"a2,a,{At(-100)},completed,200.00", $"a3,a,{At(-90)},completed,200.00",
                    $"b1,b,{At(-5)},completed,50.00", $"b2,b,{At(-3)},returned,999.00",
                    $"e1,e,{At(-70)},completed,400.00", $"e2,e,{At(-65)},completed,400.00",
                ]));
            Shop.Store.Execute($"CREATE TABLE test_profile AS {CustomerProfile.Sql(AsOf)}");
        }

        internal SegmentShop Shop { get; } = new();

        public void Dispose() => Shop.Dispose();
    }

    static readonly (string Name, string When)[] Campaign =
    [
        ("high value, lapsing", "recency_days > 60 and monetary > 500"),
        ("cart abandoners", "n_cart_30d > 0 and n_purchase_30d = 0"),
        ("home lovers", "top_category in ('Home', 'Kitchen')"),
        ("browsers", "orders = 0"),
    ];

    Dictionary<string, string> Tags(RuleSet rules, DateTime? asOf)
    {
        var tags = new Dictionary<string, string>();
        using var r = shop.Shop.Store.Query(RuleSegmentation.Sql(rules, asOf));
        while (r.Read()) tags[r.GetString(1)] = r.GetString(2);
        return tags;
    }

    [Fact]
    public void The_first_matching_rule_wins_and_the_rest_get_the_default()
    {
        var rules = RuleSet.Create(Campaign);
        Assert.Equal(new Dictionary<string, string>
        {
            ["a"] = "high value, lapsing", // also a home lover, but the earlier rule wins
            ["b"] = "untagged",
            ["c"] = "cart abandoners", // also a home lover and a browser
            ["d"] = "browsers",
            ["e"] = "high value, lapsing",
        }, Tags(rules, AsOf));

        var result = RuleSegmentation.Run(shop.Shop.Store, rules, AsOf);
        Assert.Equal(5, result.Customers);
        Assert.Equal(["high value, lapsing", "cart abandoners", "home lovers", "browsers", "untagged"], result.Segments.Select(s => s.Name));
        Assert.Equal([2L, 1, 0, 1, 1], result.Segments.Select(s => s.Customers));
        var lapsing = result.Segments[0];
        Assert.Equal(("recency_days > 60 and monetary > 500", 1400.0, 1400.0 / 1450, 2L), (lapsing.Rule, lapsing.Revenue, lapsing.RevenueShare, lapsing.Buyers));
        Assert.Equal((90 + 65) / 2.0, lapsing.MeanRecencyDays!.Value, 1e-9);
        Assert.Equal(("no rule matched", 50.0), (result.Segments[4].Rule, result.Segments[4].Revenue));
        Assert.Null(result.Segments[3].MeanR); // browsers have no orders
        Assert.Equal(5, shop.Shop.Store.Scalar<long>("SELECT count(*) FROM segments WHERE method = 'rules' AND as_of = TIMESTAMP '2024-06-01 00:00:00'"));

        var csv = Path.Combine(shop.Shop.Folder, "tags.csv");
        SegmentExport.Write(shop.Shop.Store, result, csv);
        Assert.Equal(["customer_id,segment", "a,\"high value, lapsing\"", "b,untagged", "c,cart abandoners", "d,browsers", "e,\"high value, lapsing\""],
            File.ReadAllLines(csv));
    }

    [Theory]
    [InlineData("recency_days is null", "c d")]
    [InlineData("not (recency_days > 60)", "b c d")] // a missing value makes a comparison false, so 'not' holds
    [InlineData("recency_days <= 60", "b")]
    [InlineData("top_category != 'Home'", "b d")] // e has no top category: neither equal nor unequal
    [InlineData("top_category not in ('Home')", "b d")]
    [InlineData("top_category in (\"Home\", 'Garden')", "a b c")]
    [InlineData("orders >= 2 or (events > 5 and n_cart = 0)", "a b e")]
    [InlineData("monetary = 600", "a")]
    [InlineData("monetary > -1", "a b c d e")]
    [InlineData("first_seen < '2024-03-15'", "a d")]
    [InlineData("orders = 0 AND NOT events > 5", "d")]
    [InlineData("n_view_30d >= 6", "b c")]
    [InlineData("returns = 1 and avg_order_value = 50", "b")]
    public void Conditions_select_the_customers_they_say(string condition, string customers)
    {
        var sql = RuleExpression.Parse(condition, RuleColumns.Profile).Sql;
        var found = new List<string>();
        using (var r = shop.Shop.Store.Query($"SELECT customer_id FROM test_profile WHERE {sql} ORDER BY customer_id"))
            while (r.Read()) found.Add(r.GetString(0));
        Assert.Equal(customers, string.Join(' ', found));
    }

    [Fact]
    public void Every_condition_that_parses_runs_in_the_store()
    {
        var conditions = new RandomConditions(11);
        var ran = 0;
        for (var n = 0; n < 400; n++)
        {
            RuleExpression parsed;
            try
            {
                parsed = RuleExpression.Parse(conditions.Next(), RuleColumns.Profile);
            }
            catch (RuleParseException)
            {
                continue;
            }
            Assert.InRange(shop.Shop.Store.Scalar<long>($"SELECT count(*) FROM test_profile WHERE {parsed.Sql}"), 0, 5);
            ran++;
        }
        Assert.True(ran > 100, $"only {ran} random conditions parsed");
    }

    [Fact]
    public void A_cut_off_before_any_data_tags_nobody()
    {
        var result = RuleSegmentation.Run(shop.Shop.Store, RuleSet.Create(Campaign, "rest"), AsOf.AddYears(-3));
        Assert.Equal(0, result.Customers);
        Assert.Equal(5, result.Segments.Count);
        Assert.All(result.Segments, s => Assert.Equal((0L, 0.0, 0.0), (s.Customers, s.Share, s.RevenueShare)));
        Assert.Equal(0, shop.Shop.Store.Scalar<long>("SELECT count(*) FROM segments WHERE method = 'rules'"));
    }
}
