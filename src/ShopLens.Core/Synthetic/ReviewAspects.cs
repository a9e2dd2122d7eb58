namespace ShopLens.Core.Synthetic;

/// <summary>The aspects of the synthetic shop's reviews, and which ones each top-level category's products can have.</summary>
static class ReviewAspects
{
    /// <summary>Share of products with a bad batch near the end of the simulation.</summary>
    const double BadBatchShare = 0.05;

    /// <summary>A bad batch shows in the reviews of the simulation's last this many days.</summary>
    public const int BadBatchDays = 60;

    /// <summary>How much a bad batch lowers the product's quality (on its 0..1 scale).</summary>
    public const double BadBatchQualityDrop = 0.5;

    static readonly ReviewAspect Battery = new("battery", "续航", "battery",
        ["续航太短，电池不耐用", "一天要充三次电，续航太差"], ["battery life is awful", "the battery drains in a few hours"],
        ["续航很长，一周充一次", "续航给力，出差够用"], ["the battery lasts for days", "battery life is superb"]);
    static readonly ReviewAspect Sizing = new("sizing", "尺码", "sizing",
        ["尺码偏小，穿着很紧", "尺码不准，只能退换"], ["the sizing runs small", "sizing is way off, had to return"],
        ["尺码标准，很合身", "按平时尺码买的，刚刚好"], ["true to sizing, fits perfectly", "sizing is spot on"]);
    static readonly ReviewAspect Smell = new("smell", "异味", "smell",
        ["有很大的异味，放了一周还散不掉", "打开一股刺鼻的异味"], ["a strong chemical smell", "the smell will not go away"],
        ["没有异味，用着放心", "打开没有一点异味"], ["no smell at all out of the box", "no chemical smell, very clean"]);
    static readonly ReviewAspect Leaks = new("leaks", "漏水", "leaks",
        ["盖子漏水，没法带出门", "用了两天就漏水"], ["it leaks everywhere", "the lid leaks in my bag"],
        ["密封很好，倒过来也不漏水", "完全不漏水，放包里很安心"], ["never leaks, even upside down", "zero leaks after months"]);
    static readonly ReviewAspect Noise = new("noise", "噪音", "noise",
        ["噪音太大，吵得睡不着", "一开机噪音就很大"], ["the noise is unbearable", "way too much noise"],
        ["噪音很小，晚上用也不吵", "几乎没有噪音"], ["barely any noise", "the low noise surprised me"]);
    static readonly ReviewAspect Packaging = new("packaging", "包装", "packaging",
        ["包装破损，东西都压坏了", "包装太简陋，盒子都烂了"], ["the packaging was crushed", "flimsy packaging, box torn open"],
        ["包装精美，送人很合适", "包装很用心，一点没压坏"], ["lovely packaging, great as a gift", "careful packaging, arrived perfect"]);
    static readonly ReviewAspect Durability = new("durability", "开胶", "fell apart",
        ["穿了一个月就开胶了", "没用几次就开胶"], ["it fell apart within a month", "fell apart after a few uses"],
        ["很结实，用了半年还像新的", "做工扎实，很耐用"], ["sturdy, still like new after months", "built to last"]);
    static readonly ReviewAspect Colour = new("colour", "色差", "colour",
        ["色差很大，和图片完全不一样", "实物色差严重"], ["the colour is nothing like the photo", "big colour difference from the listing"],
        ["颜色很正，和图片一样", "颜色好看，很显气质"], ["the colour is exactly as pictured", "gorgeous colour in person"]);
    static readonly ReviewAspect Taste = new("taste", "味道", "taste",
        ["味道很怪，一点都不好吃", "味道不对，像放久了"], ["weird taste, tastes stale", "the taste is off"],
        ["很新鲜，口感好", "新鲜好吃，孩子很喜欢"], ["super fresh and crunchy", "fresh, the kids love them"]);
    static readonly ReviewAspect Allergy = new("allergy", "过敏", "rash",
        ["用了过敏，脸上起红疹", "皮肤过敏了，又红又痒"], ["gave me a rash", "my skin broke out in a rash"],
        ["温和不刺激，敏感肌也能用", "很温和，用完皮肤很舒服"], ["gentle on sensitive skin", "mild, my skin feels great"]);
    static readonly ReviewAspect Printing = new("printing", "印刷", "print",
        ["印刷模糊，还有错别字", "印刷质量差，字都糊了"], ["the print is blurry", "smudged print on many pages"],
        ["印刷清晰，纸张很好", "纸质好，印刷精美"], ["crisp print, nice paper", "beautiful print quality"]);

    /// <summary>By top-level category, in <see cref="ShopVocabulary.Categories"/>'s order.</summary>
    static readonly ReviewAspect[][] ByCategory =
    [
        [Leaks, Smell, Packaging],        // Home
        [Battery, Noise, Packaging],      // Electronics
        [Allergy, Smell, Packaging],      // Beauty
        [Sizing, Colour, Smell],          // Apparel
        [Sizing, Durability, Smell],      // Shoes
        [Smell, Durability, Packaging],   // Sports
        [Smell, Leaks, Packaging],        // Baby
        [Taste, Packaging],               // Food
        [Printing, Packaging],            // Books
        [Smell, Packaging, Taste],        // Pets
        [Durability, Smell, Colour],      // Toys
        [Noise, Durability, Packaging],   // Appliances
    ];

    /// <summary>
    /// The aspect a category's product is complained about and the other one it is praised for, from a stateless
    /// hash (not the catalog's draws, so planting aspects changed no other part of the shop).
    /// </summary>
    public static (ReviewAspect Complained, ReviewAspect Praised) For(int seed, int product, int category)
    {
        var aspects = ByCategory[category];
        var complained = (int)(SimulationRandom.Hash(seed, product, 0x41535045) * aspects.Length);
        var praised = (complained + 1 + (int)(SimulationRandom.Hash(seed, product, 0x50524149) * (aspects.Length - 1))) % aspects.Length;
        return (aspects[complained], aspects[praised]);
    }

    /// <summary>Whether the product has a bad batch, from a stateless hash as the aspects are.</summary>
    public static bool HasBadBatch(int seed, int product) => SimulationRandom.Hash(seed, product, 0x42414443) < BadBatchShare;
}
