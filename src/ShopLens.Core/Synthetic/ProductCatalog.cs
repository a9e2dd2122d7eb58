namespace ShopLens.Core.Synthetic;

/// <summary>A product of the synthetic shop, with the hidden quality that drives its ratings and returns.</summary>
sealed class SyntheticProduct
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required int Category { get; init; }
    public required CategoryLeaf Leaf { get; init; }
    public required int BrandSlot { get; init; }
    public required string Brand { get; init; }
    public required long PriceCents { get; init; }
    public required double Quality { get; init; }
    public required double Popularity { get; init; }

    /// <summary>What its unhappy reviews often name.</summary>
    public required ReviewAspect ComplainedAspect { get; init; }

    /// <summary>What its happy reviews often name.</summary>
    public required ReviewAspect PraisedAspect { get; init; }

    /// <summary>A bad batch: its quality drops for reviews written in the last <see cref="ReviewAspects.BadBatchDays"/> days.</summary>
    public required bool BadBatch { get; init; }
}

/// <summary>
/// The synthetic catalog: products by category and brand, popularity-weighted choice within a category,
/// and a weekly promotion calendar (some products are discounted 5–50 % in some weeks).
/// </summary>
sealed class ProductCatalog
{
    public const int BrandsPerCategory = 5;

    /// <summary>Share of (product, week) pairs on promotion.</summary>
    const double PromotionShare = 0.18;

    readonly int _seed;
    readonly int[][] _byCategory;
    readonly double[][] _cumulativePopularity;
    readonly int[][][] _byBrand;

    public IReadOnlyList<SyntheticProduct> Products { get; }
    public string[][] BrandNames { get; }

    ProductCatalog(int seed, SyntheticProduct[] products, string[][] brandNames)
    {
        _seed = seed;
        Products = products;
        BrandNames = brandNames;
        var categories = ShopVocabulary.Categories.Count;
        _byCategory = new int[categories][];
        _cumulativePopularity = new double[categories][];
        _byBrand = new int[categories][][];
        for (var c = 0; c < categories; c++)
        {
            var members = new List<int>();
            for (var p = 0; p < products.Length; p++)
                if (products[p].Category == c) members.Add(p);
            _byCategory[c] = [.. members];
            var cumulative = new double[members.Count];
            var sum = 0.0;
            for (var i = 0; i < members.Count; i++) cumulative[i] = sum += products[members[i]].Popularity;
            _cumulativePopularity[c] = cumulative;
            _byBrand[c] = new int[BrandsPerCategory][];
            for (var b = 0; b < BrandsPerCategory; b++)
                _byBrand[c][b] = [.. members.Where(p => products[p].BrandSlot == b)];
        }
    }

    public static ProductCatalog Generate(ShopSimulatorOptions options)
    {
        var rng = new SimulationRandom(options.Seed, stream: 0);
        var categories = ShopVocabulary.Categories;
        var brandNames = new string[categories.Count][];
        var brandQuality = new double[categories.Count][];
        for (var c = 0; c < categories.Count; c++)
        {
            brandNames[c] = DrawBrandNames(rng);
            brandQuality[c] = new double[BrandsPerCategory];
            for (var b = 0; b < BrandsPerCategory; b++) brandQuality[c][b] = rng.Beta(5, 3);
        }

        var categoryWeights = new double[categories.Count];
        for (var c = 0; c < categories.Count; c++) categoryWeights[c] = categories[c].Popularity;
        var products = new SyntheticProduct[options.Products];
        for (var i = 0; i < products.Length; i++)
        {
            // The first products cover every category once, so no category is empty.
            var c = i < categories.Count ? i : rng.PickWeighted(categoryWeights);
            var spec = categories[c];
            var leaf = spec.Leaves[rng.Next(spec.Leaves.Length)];
            var slot = rng.Next(BrandsPerCategory);
            var quality = Math.Clamp(brandQuality[c][slot] + 0.15 * rng.Normal(), 0, 1);
            // Lognormal around the category's median; better products cost a little more.
            var price = spec.MedianPrice * Math.Exp(0.45 * rng.Normal()) * (0.8 + 0.4 * quality);
            var cents = price >= 20 ? (long)Math.Round(price) * 100 - (rng.Chance(0.5) ? 10 : 0) : (long)Math.Round(price * 10) * 10;
            var (complained, praised) = ReviewAspects.For(options.Seed, i, c);
            products[i] = new SyntheticProduct
            {
                Id = "P" + (i + 1).ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
                Title = Title(rng, brandNames[c][slot], leaf),
                Category = c,
                Leaf = leaf,
                BrandSlot = slot,
                Brand = brandNames[c][slot],
                PriceCents = Math.Max(100, cents),
                Quality = quality,
                Popularity = Math.Exp(rng.Normal()) * (0.5 + quality),
                ComplainedAspect = complained,
                PraisedAspect = praised,
                BadBatch = ReviewAspects.HasBadBatch(options.Seed, i),
            };
        }
        return new ProductCatalog(options.Seed, products, brandNames);
    }

    static string[] DrawBrandNames(SimulationRandom rng)
    {
        var names = new string[BrandsPerCategory];
        for (var b = 0; b < names.Length; b++)
        {
            string name;
            do
            {
                name = rng.Chance(0.3)
                    ? rng.Pick(ShopVocabulary.ChineseBrands)
                    : rng.Pick(ShopVocabulary.BrandHeads) + rng.Pick(ShopVocabulary.BrandTails);
            } while (Array.IndexOf(names, name, 0, b) >= 0);
            names[b] = name;
        }
        return names;
    }

    static string Title(SimulationRandom rng, string brand, CategoryLeaf leaf)
    {
        var adjective = rng.Chance(0.5) ? rng.Pick(ShopVocabulary.ChineseAdjectives) : rng.Pick(ShopVocabulary.EnglishAdjectives);
        var noun = rng.Next(3) switch
        {
            0 => leaf.ChineseNoun,
            1 => leaf.EnglishNoun,
            _ => leaf.ChineseNoun + " " + leaf.EnglishNoun,
        };
        return rng.Chance(0.6) ? $"{brand} {adjective} {noun} {rng.Pick(ShopVocabulary.Specs)}" : $"{brand} {adjective} {noun}";
    }

    /// <summary>A product of the category, drawn by popularity.</summary>
    public int PickInCategory(SimulationRandom rng, int category) =>
        _byCategory[category][rng.PickCumulative(_cumulativePopularity[category])];

    /// <summary>A product of the category and brand, uniformly; −1 when the brand has none there.</summary>
    public int PickInBrand(SimulationRandom rng, int category, int brandSlot)
    {
        var members = _byBrand[category][brandSlot];
        return members.Length == 0 ? -1 : members[rng.Next(members.Length)];
    }

    /// <summary>The promotion on a product on a day (days since 1970-01-01), in percent: 0, or 5 to 50 in steps of 5.</summary>
    public int PromotionPercent(int product, long unixDay)
    {
        var mondayWeek = (unixDay + 3) / 7; // 1970-01-01 was a Thursday; weeks start on Monday
        var h = SimulationRandom.Hash(_seed, product, mondayWeek);
        return h < PromotionShare ? 5 + 5 * (int)(h / PromotionShare * 10) : 0;
    }
}
