namespace ShopLens.Core.Synthetic;

/// <summary>
/// Short review texts whose sentiment follows the rating, in Chinese and English; half of a product's unhappy reviews
/// (1-2 stars) name its complained aspect and half of its happy ones (4-5 stars) its praised aspect.
/// </summary>
static class ReviewPhrases
{
    // Index = rating − 1. Some phrases carry commas and double quotes so that the CSV quoting is exercised.
    static readonly string[][] Chinese =
    [
        ["质量很差，用了一周就坏了", "假货，千万别买", "退货了，客服态度差", "完全不能用，差评"],
        ["质量不太好，有点失望", "和描述不符，做工粗糙", "物流太慢，包装破损", "不值这个价"],
        ["一般般，凑合用", "中规中矩，没有惊喜", "质量一般，价格还行", "还行吧"],
        ["整体不错，物流稍慢", "还可以，性价比不错", "挺好用的，就是颜色有点差别", "不错，推荐"],
        ["质量很好，物流很快", "非常满意，会回购", "做工精细，超出预期", "包装完好，性价比高"],
    ];

    static readonly string[][] English =
    [
        ["quality is poor, broke after a week", "terrible, do not buy", "returned it; support was unhelpful", "completely useless"],
        ["disappointed, feels cheap", "not as described, poor finish", "arrived late and the package was damaged", "not worth the price"],
        ["it's okay, nothing special", "average quality for the price", "does the job", "meh"],
        ["good product, shipping a bit slow", "works well, would recommend", "nice, but the box was dented", "solid value"],
        ["excellent quality, arrived fast", "love it! will buy again", "exactly as described, great value", "my new \"go-to\" brand"],
    ];

    public static string Pick(SimulationRandom rng, int rating, bool chinese, SyntheticProduct product)
    {
        // One draw whatever the outcome, as before aspects were planted, so the rest of the shop is unchanged.
        var pool = (chinese ? Chinese : English)[rating - 1];
        var k = rng.Next(pool.Length);
        var aspect = rating <= 2 ? product.ComplainedAspect : rating >= 4 ? product.PraisedAspect : null;
        if (aspect is null || k >= 2) return pool[k];
        return rating <= 2
            ? (chinese ? aspect.ChineseComplaints : aspect.EnglishComplaints)[k]
            : (chinese ? aspect.ChinesePraise : aspect.EnglishPraise)[k];
    }
}
