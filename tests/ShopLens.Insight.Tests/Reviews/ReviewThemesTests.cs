using ShopLens.Insight.Reviews;
using Xunit.Abstractions;

namespace ShopLens.Insight.Tests.Reviews;

[Trait("Issue", "9")]
public sealed class ReviewThemesTests(ReviewShop shop, ITestOutputHelper output) : IClassFixture<ReviewShop>
{
    /// <summary>The words the synthetic shop's reviews use for each planted aspect (ShopLens.Core.Synthetic.ReviewAspects).</summary>
    static readonly Dictionary<string, string[]> AspectWords = new()
    {
        ["battery"] = ["续航", "电池", "充三次", "给力", "充一次", "battery", "drains", "lasts"], ["sizing"] = ["尺码", "偏小", "很紧", "退换", "合身", "刚刚好", "sizing", "small", "spot"],
        ["smell"] = ["异味", "散不掉", "刺鼻", "smell", "chemical"], ["leaks"] = ["漏水", "盖子", "出门", "leaks", "lid"],
        ["noise"] = ["噪音", "吵得", "开机", "noise", "unbearable"], ["packaging"] = ["包装", "压坏", "简陋", "盒子", "packaging", "crushed", "flimsy"],
        ["durability"] = ["开胶", "一个月", "几次", "结实", "耐用", "扎实", "fell", "apart", "month", "uses", "sturdy", "built"], ["colour"] = ["色差", "图片", "实物", "颜色", "colour", "photo", "listing", "pictured", "gorgeous"],
        ["taste"] = ["味道", "好吃", "放久", "taste", "stale", "weird", "新鲜", "口感", "fresh", "crunchy"], ["allergy"] = ["过敏", "红疹", "又红", "rash", "skin", "温和", "刺激", "gentle", "sensitive"],
        ["printing"] = ["印刷", "模糊", "错别字", "print", "blurry", "smudged", "纸张", "crisp"],
    };

    static bool Names(ReviewTheme? theme, string aspect) =>
        theme is not null && theme.Terms.Any(t => AspectWords[aspect].Any(w => t.Contains(w, StringComparison.Ordinal) || w.Contains(t, StringComparison.Ordinal) && t.Length >= 2));

    [Fact]
    public void A_products_top_themes_name_its_planted_aspects()
    {
        var themes = new ReviewThemes(shop.Reviews, shop.Scores, shop.Trained.Classifier);
        var products = shop.Reviews.GroupBy(r => r.ProductId).Where(g => g.Count(r => r.Rating <= 2) >= 6).Select(g => g.Key).ToList();
        int complainedRight = 0, praisedRight = 0, praisedChecked = 0;
        foreach (var product in products)
        {
            var analysis = themes.Analyze(product, r => r.ProductId == product);
            var truth = shop.Truth[product];
            if (Names(analysis.Complained.FirstOrDefault(), truth.Complained)) complainedRight++;
            else output.WriteLine($"{product} complained {truth.Complained}: {string.Join(" | ", analysis.Complained.Select(t => string.Join(",", t.Terms)))}");
            if (analysis.Praise < 6) continue;
            praisedChecked++;
            if (Names(analysis.Praised.FirstOrDefault(), truth.Praised)) praisedRight++;
            else output.WriteLine($"{product} praised {truth.Praised}: {string.Join(" | ", analysis.Praised.Select(t => string.Join(",", t.Terms)))}");
        }
        output.WriteLine($"top complained theme names the planted aspect for {complainedRight} of {products.Count}; praised {praisedRight} of {praisedChecked}");
        Assert.True(products.Count >= 10, $"{products.Count} products with 6+ complaints");
        Assert.True(complainedRight >= 0.8 * products.Count, $"{complainedRight} of {products.Count}");
        Assert.True(praisedRight >= 0.8 * praisedChecked, $"{praisedRight} of {praisedChecked}");
    }
}
