namespace ShopLens.Core.Synthetic;

/// <summary>A leaf of the synthetic catalog: its category path and the words titles and searches use for it.</summary>
sealed record CategoryLeaf(string Path, string ChineseNoun, string EnglishNoun)
{
    /// <summary>What customers type to find it, in either language.</summary>
    public string[] Queries { get; } =
        [ChineseNoun, EnglishNoun.ToLowerInvariant(), ChineseNoun + " 推荐", "best " + EnglishNoun.ToLowerInvariant(), ChineseNoun + " 正品"];
}

/// <summary>A top-level category: how popular it is, the median of its lognormal price, and its leaves.</summary>
sealed record CategorySpec(string Name, double Popularity, double MedianPrice, CategoryLeaf[] Leaves);

/// <summary>A customer region with its share and UTC offset (hours), so activity peaks at local evening hours.</summary>
sealed record RegionSpec(string Name, double Weight, int UtcOffset);

/// <summary>The words, places and channels the synthetic shop is made of.</summary>
static class ShopVocabulary
{
    public static readonly IReadOnlyList<CategorySpec> Categories =
    [
        new("Home", 1.2, 89, [new("Home>Kitchen>Bottles", "保温杯", "Vacuum Bottle"), new("Home>Kitchen>Cookware", "不粘锅", "Frying Pan"), new("Home>Bedding>Pillows", "乳胶枕", "Pillow")]),
        new("Electronics", 1.1, 299, [new("Electronics>Audio>Headphones", "蓝牙耳机", "Wireless Earbuds"), new("Electronics>Wearables>Smartwatches", "智能手表", "Smart Watch"), new("Electronics>Accessories>Chargers", "快充充电器", "Fast Charger")]),
        new("Beauty", 1.3, 159, [new("Beauty>Skincare>Serum", "精华液", "Serum"), new("Beauty>Makeup>Lipstick", "口红", "Lipstick"), new("Beauty>Skincare>Sunscreen", "防晒霜", "Sunscreen")]),
        new("Apparel", 1.6, 199, [new("Apparel>Women>Dresses", "连衣裙", "Dress"), new("Apparel>Men>T-Shirts", "纯棉T恤", "Cotton T-Shirt"), new("Apparel>Outerwear>Down Jackets", "羽绒服", "Down Jacket")]),
        new("Shoes", 0.9, 329, [new("Shoes>Sports>Running Shoes", "跑步鞋", "Running Shoes"), new("Shoes>Casual>Sneakers", "板鞋", "Sneakers")]),
        new("Sports", 0.7, 149, [new("Sports>Fitness>Yoga Mats", "瑜伽垫", "Yoga Mat"), new("Sports>Outdoor>Tents", "帐篷", "Camping Tent")]),
        new("Baby", 0.8, 99, [new("Baby>Feeding>Baby Bottles", "奶瓶", "Baby Bottle"), new("Baby>Care>Diapers", "纸尿裤", "Diapers")]),
        new("Food", 1.4, 49, [new("Food>Snacks>Nuts", "每日坚果", "Mixed Nuts"), new("Food>Drinks>Tea", "绿茶", "Green Tea"), new("Food>Fresh>Fruit", "车厘子", "Cherries")]),
        new("Books", 0.6, 39, [new("Books>Fiction>Novels", "小说", "Novel"), new("Books>Education>Workbooks", "教辅", "Workbook")]),
        new("Pets", 0.6, 79, [new("Pets>Dog>Food", "狗粮", "Dog Food"), new("Pets>Cat>Litter", "猫砂", "Cat Litter")]),
        new("Toys", 0.6, 119, [new("Toys>Building>Blocks", "积木", "Building Blocks"), new("Toys>Dolls>Plush", "毛绒玩具", "Plush Toy")]),
        new("Appliances", 0.7, 599, [new("Appliances>Kitchen>Air Fryers", "空气炸锅", "Air Fryer"), new("Appliances>Cleaning>Robot Vacuums", "扫地机器人", "Robot Vacuum")]),
    ];

    public static readonly string[] ChineseAdjectives = ["新款", "加厚", "便携", "大容量", "轻薄", "正品", "网红", "简约", "高端", "家用"];

    public static readonly string[] EnglishAdjectives = ["Premium", "Portable", "Classic", "Ultra", "Mini", "Pro", "Eco", "Deluxe"];

    // "Pack of 2, Gift Box" puts a comma in some titles, so readers of the files meet RFC 4180 quoting.
    public static readonly string[] Specs = ["500ml", "2025款", "XL", "3件装", "Pack of 2, Gift Box", "礼盒装", "Plus", "升级版"];

    public static readonly string[] BrandHeads = ["Lumi", "Nova", "Qing", "Aro", "Zen", "Mao", "Kiwi", "Hexa", "Yun", "Bei", "Orin", "Tao", "Vela", "Fen", "Juno", "Rui"];

    public static readonly string[] BrandTails = ["tech", "home", "life", "mart", "ly", "ora", "go", "lab"];

    public static readonly string[] ChineseBrands = ["青禾", "云朵", "小森", "南山", "悦家", "极光", "初心", "良品坊"];

    public static readonly IReadOnlyList<RegionSpec> Regions =
    [
        new("Shanghai", 14, 8), new("Beijing", 13, 8), new("Guangzhou", 9, 8), new("Shenzhen", 9, 8), new("Hangzhou", 7, 8),
        new("Chengdu", 7, 8), new("Wuhan", 5, 8), new("Nanjing", 5, 8), new("Chongqing", 5, 8), new("Xi'an", 4, 8),
        new("Suzhou", 4, 8), new("Tianjin", 4, 8), new("Hong Kong", 3, 8), new("Taipei", 2, 8), new("Singapore", 3, 8),
        new("Kuala Lumpur", 1, 8), new("London", 1, 0), new("San Francisco", 1, -8),
    ];

    /// <summary>Regions after this index are outside mainland China; their customers mostly write in English.</summary>
    public const int LastMainlandRegion = 11;

    public static readonly string[] AcquisitionChannels = ["search_ads", "organic", "social", "referral", "livestream", "app_store"];
    public static readonly double[] AcquisitionWeights = [0.25, 0.25, 0.20, 0.10, 0.12, 0.08];

    /// <summary>Devices events arrive from (the events.channel column).</summary>
    public static readonly string[] DeviceChannels = ["app", "mini_program", "web"];
    public static readonly double[] DeviceWeights = [0.55, 0.25, 0.20];

    public static readonly string[] AgeBands = ["18-24", "25-34", "35-44", "45-54", "55+"];
    public static readonly double[] AgeWeights = [0.18, 0.36, 0.26, 0.13, 0.07];

    /// <summary>Local hours activity peaks at, and how often each is a customer's peak.</summary>
    public static readonly int[] PeakHours = [9, 12, 15, 20, 21, 22, 23];
    public static readonly double[] PeakHourWeights = [0.08, 0.15, 0.07, 0.22, 0.25, 0.15, 0.08];
}
