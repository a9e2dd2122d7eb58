using ShopLens.Insight.Segments;

namespace ShopLens.Insight.Tests.Segments;

/// <summary>RFM on hand-made shops whose scores are known by construction: every named segment, ties, cut-offs.</summary>
[Trait("Issue", "3")]
public sealed class RfmSegmentationTests(RfmSegmentationTests.DesignShop design) : IClassFixture<RfmSegmentationTests.DesignShop>
{
    /// <summary>The 25-customer design below, imported once for the class.</summary>
    public sealed class DesignShop : IDisposable
    {
        public DesignShop() => Shop.ImportCsv(("orders", OrderHeader, DesignOrders()));

        internal SegmentShop Shop { get; } = new();

        public void Dispose() => Shop.Dispose();
    }

    static readonly DateTime Base = new(2024, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    static readonly DateTime AsOf = Base.AddDays(10);

    // 25 customers c{i}{j}: the last order on day i (so R = i + 1), j + 1 orders (F = j + 1) worth M × 100 in all,
    // five customers on each value of each score, so the rank-based quintiles give exactly these scores.
    static readonly int[][] MonetaryScore =
    [
        [1, 2, 3, 4, 5],
        [1, 2, 3, 4, 5],
        [1, 2, 4, 3, 5], // F 3 / M 4 and F 4 / M 3: FM = ⌊3.5⌋ = 3
        [1, 2, 3, 4, 5],
        [2, 1, 3, 4, 5], // F 1 / M 2 and F 2 / M 1: FM = ⌊1.5⌋ = 1
    ];

    // Worked out by hand from the grid in docs/segments.md, row by row (R 1 to 5), F 1 to 5 in each.
    static readonly string[][] ExpectedSegment =
    [
        ["Lost", "Lost", "At Risk", "At Risk", "Can't Lose Them"],
        ["Hibernating", "Hibernating", "At Risk", "At Risk", "Can't Lose Them"],
        ["About to Sleep", "About to Sleep", "Need Attention", "Need Attention", "Loyal"],
        ["Promising", "Potential Loyalist", "Potential Loyalist", "Loyal", "Loyal"],
        ["New", "New", "Potential Loyalist", "Champions", "Champions"],
    ];

    static IEnumerable<string> DesignOrders()
    {
        for (var i = 0; i < 5; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                var id = $"c{i}{j}";
                var total = MonetaryScore[i][j] * 100;
                // The last order carries the rest of the total; the earlier ones are 1.00 each, a month or more before.
                for (var k = 0; k < j; k++) yield return $"{id}-{k},{id},{SegmentShop.Time(Base.AddDays(-30 - k))},completed,1.00";
                yield return $"{id}-last,{id},{SegmentShop.Time(Base.AddDays(i))},completed,{total - j}.00";
            }
        }
        // Orders that do not count: cancelled, returned, and one at the cut-off itself.
        yield return $"x1,c00,{SegmentShop.Time(Base.AddDays(9))},cancelled,100000.00";
        yield return $"x2,c00,{SegmentShop.Time(Base.AddDays(9))},returned,100000.00";
        yield return $"x3,c00,{SegmentShop.Time(AsOf)},completed,100000.00";
    }

    const string OrderHeader = "order_id,customer_id,timestamp,status,amount";

    static Dictionary<string, (int R, int F, int M, string Segment, double RecencyDays, long Frequency, decimal Monetary)> Read(SegmentShop shop, DateTime? asOf)
    {
        var rows = new Dictionary<string, (int, int, int, string, double, long, decimal)>();
        using var r = shop.Store.Query(RfmSegmentation.Sql(asOf));
        while (r.Read()) rows[r.GetString(1)] = (r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetString(9), r.GetDouble(2), r.GetInt64(3), r.GetDecimal(4));
        return rows;
    }

    [Fact]
    public void Every_named_segment_gets_the_customers_the_grid_gives_it()
    {
        var shop = design.Shop;
        var rows = Read(shop, AsOf);
        Assert.Equal(25, rows.Count);
        for (var i = 0; i < 5; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                var row = rows[$"c{i}{j}"];
                Assert.Equal((i + 1, j + 1, MonetaryScore[i][j]), (row.R, row.F, row.M));
                Assert.Equal(ExpectedSegment[i][j], row.Segment);
                Assert.Equal(10.0 - i, row.RecencyDays, 1e-9);
                Assert.Equal(j + 1, row.Frequency);
                Assert.Equal(MonetaryScore[i][j] * 100m, row.Monetary);
            }
        }
        var result = RfmSegmentation.Run(shop.Store, AsOf);
        Assert.Equal(25, result.Customers);
        Assert.All(result.Segments, s => Assert.True(s.Customers > 0, $"{s.Name} is empty"));
        Assert.Equal(11, result.Segments.Count);
        var champions = result.Segments.Single(s => s.Name == "Champions");
        Assert.Equal((2, 900.0, 5.0, 4.5, 4.5), (champions.Customers, champions.Revenue, champions.MeanR!.Value, champions.MeanF!.Value, champions.MeanM!.Value));
        Assert.Equal("R 5 and FM 4-5", champions.Rule);
        Assert.Equal(900.0 / 7500, champions.RevenueShare, 1e-12); // every row of M is 1..5: 25 customers spend 7,500
    }

    [Fact]
    public void Equal_values_get_equal_scores_whatever_order_the_rows_came_in()
    {
        // Frequencies 1,1,1,1,1,1,2,2,3,4 over ten customers: six tie at the bottom and all score 1; two orders have
        // six customers strictly below (1 + ⌊5 × 6 / 10⌋ = 4); three and four orders score 5. Equal spend and equal
        // last orders tie every customer, and a tie at the bottom scores 1.
        int[] frequency = [1, 1, 1, 1, 1, 1, 2, 2, 3, 4];
        var orders = Enumerable.Range(0, 10).SelectMany(c => Enumerable.Range(0, frequency[c]).Select(k =>
            $"o{c}-{k},c{c},{SegmentShop.Time(k == 0 ? Base : Base.AddDays(-1 - k))},completed,{(k == 0 ? 50 - (frequency[c] - 1) * 10 : 10)}.00")).ToList();
        using var inOrder = new SegmentShop();
        inOrder.ImportCsv(("orders", OrderHeader, orders));
        using var shuffled = new SegmentShop();
        shuffled.ImportCsv(("orders", OrderHeader, orders.OrderBy(o => o.GetHashCode(StringComparison.Ordinal) & 0xff).ThenByDescending(o => o, StringComparer.Ordinal)));

        var rows = Read(inOrder, AsOf);
        int[] expectedF = [1, 1, 1, 1, 1, 1, 4, 4, 5, 5];
        for (var c = 0; c < 10; c++) Assert.Equal((1, expectedF[c], 1, 50m), (rows[$"c{c}"].R, rows[$"c{c}"].F, rows[$"c{c}"].M, rows[$"c{c}"].Monetary));
        Assert.Equal(rows, Read(shuffled, AsOf));
        Assert.Equal(expectedF, RfmReference.Quintiles(frequency));
    }

    [Fact]
    public void A_cut_off_before_any_data_gives_an_empty_result()
    {
        var shop = design.Shop;
        RfmSegmentation.Run(shop.Store, AsOf);
        var before = Base.AddYears(-5);
        var result = RfmSegmentation.Run(shop.Store, before);
        Assert.Equal(0, result.Customers);
        Assert.Equal(before, result.AsOf);
        Assert.All(result.Segments, s => Assert.Equal((0L, 0.0, 0.0, null), (s.Customers, s.Share, s.RevenueShare, s.MeanR)));
        Assert.Equal(0, shop.Store.Scalar<long>("SELECT count(*) FROM segments WHERE method = 'rfm'"));
        var csv = Path.Combine(shop.Folder, "empty.csv");
        SegmentExport.Write(shop.Store, result, csv);
        Assert.Equal(["customer_id,segment,recency_days,frequency,monetary,r,f,m,fm"], File.ReadAllLines(csv));
    }

    [Fact]
    public void The_grid_tiles_every_cell_once_with_the_eleven_usual_names()
    {
        for (var r = 1; r <= 5; r++)
        {
            for (var fm = 1; fm <= 5; fm++)
            {
                var (rr, ff) = (r, fm);
                Assert.Single(RfmGrid.Segments, s => s.MinR <= rr && rr <= s.MaxR && s.MinFm <= ff && ff <= s.MaxFm);
                Assert.Equal(RfmReference.SegmentOf(r, fm, fm), RfmGrid.Segments.Single(s => s.MinR <= rr && rr <= s.MaxR && s.MinFm <= ff && ff <= s.MaxFm).Name);
            }
        }
        Assert.Equal(["Champions", "Loyal", "Potential Loyalist", "New", "Promising", "Need Attention", "About to Sleep", "At Risk",
            "Can't Lose Them", "Hibernating", "Lost"], RfmGrid.Segments.Select(s => s.Name));
        Assert.Equal("R 1-2 and FM 5", RfmGrid.Segments.Single(s => s.Name == "Can't Lose Them").Rule);
    }

    [Fact]
    public void The_csv_has_every_scored_customer_with_scores_and_values()
    {
        var shop = design.Shop;
        var path = Path.Combine(shop.Folder, "rfm.csv");
        var result = RfmSegmentation.Run(shop.Store, AsOf);
        Assert.Equal(25, SegmentExport.Write(shop.Store, result, path));
        var lines = File.ReadAllLines(path);
        Assert.Equal("customer_id,segment,recency_days,frequency,monetary,r,f,m,fm", lines[0]);
        Assert.Equal(26, lines.Length);
        Assert.Equal("c00,Lost,10.0,1,100.00,1,1,1,1", lines[1]);
        Assert.StartsWith("c44,Champions,6.0,5,500.00,5,5,5,5", lines[^1], StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => SegmentExport.Write(shop.Store, result, Path.Combine(shop.Folder, "rfm.txt")));
    }
}
