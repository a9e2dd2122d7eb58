using System.Globalization;
using static ShopLens.Core.Tests.Import.Presets.PresetTestData;

namespace ShopLens.Core.Tests.Import.Presets;

[Trait("Issue", "2")]
public sealed class MovieLensPresetTests
{
    const string Preset = "movielens";

    [Fact]
    public void Imports_the_100k_ratings()
    {
        var path = Dataset("movielens_100k/u.data");
        var rows = File.ReadLines(path).Select(l => l.Split('\t')).ToArray();
        Assert.Equal(100_000, rows.Length);
        Assert.Equal(943, rows.Select(r => r[0]).Distinct().Count());
        Assert.Equal(1_682, rows.Select(r => r[1]).Distinct().Count());

        using var temp = new TempStore();
        var store = temp.Store;
        var report = ImportFile(store, path, Preset);

        AssertAccounted(report);
        Assert.Equal(rows.Length, report.Read);
        Assert.Equal(rows.Length, report.Accepted);
        Assert.Equal(rows.Length, store.Scalar<long>("SELECT count(*) FROM reviews"));
        Assert.Equal(943, store.Scalar<long>("SELECT count(*) FROM customers"));
        Assert.Equal(1_682, store.Scalar<long>("SELECT count(*) FROM products"));
        Assert.Equal(rows.Sum(r => long.Parse(r[2], CultureInfo.InvariantCulture)), store.Scalar<long>("SELECT CAST(sum(rating) AS BIGINT) FROM reviews"));
        Assert.Equal(0, store.Scalar<long>("SELECT count(*) FROM reviews WHERE text IS NOT NULL"));
        // The first line: user 196 gave item 242 three stars at 881250949 (1997-12-04 15:55:49 UTC).
        Assert.Equal(3, store.Scalar<long>("""
            SELECT rating FROM reviews JOIN customers USING (customer_key) JOIN products USING (product_key)
            WHERE customer_id = '196' AND product_id = '242' AND ts = TIMESTAMP '1997-12-04 15:55:49'
            """));

        AssertReimportAddsNothing(store, path, Preset, report, "reviews", "customers", "products");
    }

    [Fact]
    public void Reads_the_double_colon_layout_of_ratings_dat()
    {
        using var temp = new TempStore();
        var path = temp.Write("ratings.dat", "1::1193::5::978300760\n1::661::3::978302109\n2::1357::6::978298709\n3:3260:4:978297225\n");

        var report = ImportFile(temp.Store, path, Preset);

        AssertAccounted(report);
        Assert.Equal(4, report.Read);
        Assert.Equal(2, report.Accepted);
        Assert.Equal(1, report.ByReason["out_of_range:rating"]);
        Assert.Equal(1, report.ByReason["field_count"]);
        Assert.Equal(5, temp.Store.Scalar<long>("""
            SELECT rating FROM reviews JOIN customers USING (customer_key) JOIN products USING (product_key)
            WHERE customer_id = '1' AND product_id = '1193' AND ts = TIMESTAMP '2000-12-31 22:12:40'
            """));
    }
}
