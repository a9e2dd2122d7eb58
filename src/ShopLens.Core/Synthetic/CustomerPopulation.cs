using System.Globalization;

namespace ShopLens.Core.Synthetic;

/// <summary>A synthetic customer: the public profile written to customers.csv and the planted truth behind it.</summary>
sealed class SyntheticCustomer
{
    public required int Index { get; init; }
    public required string Id { get; init; }
    public required int Archetype { get; init; }
    /// <summary>Sign-up, Unix seconds; before the simulated period for customers who joined earlier.</summary>
    public required long FirstSeen { get; init; }
    /// <summary>When the simulated activity starts: sign-up, or the period's start for customers who joined before it.</summary>
    public required long ActiveFrom { get; init; }
    /// <summary>When the customer stops buying for good (Exponential(μ) after <see cref="ActiveFrom"/>), Unix seconds; may lie past the end.</summary>
    public required long Death { get; init; }
    /// <summary>λ, orders per day while alive.</summary>
    public required double PurchaseRate { get; init; }
    /// <summary>μ, the dropout rate per day.</summary>
    public required double DropoutRate { get; init; }
    public required double PriceSensitivity { get; init; }
    public required int Region { get; init; }
    public required int AcquisitionChannel { get; init; }
    public required int Device { get; init; }
    public required int AgeBand { get; init; }
    /// <summary>Cumulative taste weights over the top-level categories.</summary>
    public required double[] TasteCumulative { get; init; }
    public required int TopCategory { get; init; }
    /// <summary>Favourite brand: a brand slot within <see cref="TopCategory"/>.</summary>
    public required int FavouriteBrand { get; init; }
    public required double BrandLoyalty { get; init; }
    public required int PeakHourUtc { get; init; }
    /// <summary>How much more (or less) active the customer is on Saturdays and Sundays than on weekdays.</summary>
    public required double WeekendFactor { get; init; }
    public required bool WritesChinese { get; init; }
}

/// <summary>Draws the customers: archetype by share, then each one's rates, taste, rhythm and profile.</summary>
static class CustomerPopulation
{
    const double SecondsPerDay = 86400;

    /// <summary>Dirichlet concentration of taste: small, so most customers care about a few categories.</summary>
    const double TasteConcentration = 0.3;

    /// <summary>Weight added to the top category after the Dirichlet draw (the weights first sum to one).</summary>
    const double TopCategoryBoost = 1.5;

    /// <summary>New customers sign up in this many final days of the period.</summary>
    const int NewCustomerWindowDays = 30;

    /// <summary>Every other customer signed up within this many days before the period.</summary>
    const int EstablishedWindowDays = 365;

    public static SyntheticCustomer[] Generate(ShopSimulatorOptions options)
    {
        var rng = new SimulationRandom(options.Seed, stream: 1);
        var start = new DateTimeOffset(options.End.AddDays(-options.Days)).ToUnixTimeSeconds();
        var end = new DateTimeOffset(options.End).ToUnixTimeSeconds();
        var newWindow = Math.Min(NewCustomerWindowDays, options.Days) * SecondsPerDay;
        var shares = new double[Archetypes.All.Count];
        for (var a = 0; a < shares.Length; a++) shares[a] = Archetypes.All[a].Share;
        var categoryWeights = new double[ShopVocabulary.Categories.Count];
        for (var c = 0; c < categoryWeights.Length; c++) categoryWeights[c] = ShopVocabulary.Categories[c].Popularity;
        var regionWeights = new double[ShopVocabulary.Regions.Count];
        for (var r = 0; r < regionWeights.Length; r++) regionWeights[r] = ShopVocabulary.Regions[r].Weight;

        var customers = new SyntheticCustomer[options.Customers];
        for (var i = 0; i < customers.Length; i++)
        {
            var a = rng.PickWeighted(shares);
            var archetype = Archetypes.All[a];
            // The shop has a history: everyone but the new customers signed up in the year before the period and is
            // still a customer when it starts (lifetimes are memoryless, so the remaining one is drawn from then on).
            double firstSeen = a == Archetypes.NewCustomerIndex
                ? end - newWindow * rng.NextDouble()
                : start - EstablishedWindowDays * SecondsPerDay * rng.NextDouble();
            var lambda = rng.Gamma(archetype.PurchaseRateShape, archetype.PurchaseRateMean / archetype.PurchaseRateShape);
            var mu = rng.Gamma(archetype.DropoutRateShape, archetype.DropoutRateMean / archetype.DropoutRateShape);
            // Lifetimes past a century are the same as forever here, and keep the timestamp in range.
            var lifetimeDays = Math.Min(rng.Exponential(mu), 36500);
            var sensitivityMean = archetype.PriceSensitivity;
            var taste = Taste(rng, categoryWeights, out var top);
            var region = rng.PickWeighted(regionWeights);
            var localPeak = ShopVocabulary.PeakHours[rng.PickWeighted(ShopVocabulary.PeakHourWeights)];
            var mainland = region <= ShopVocabulary.LastMainlandRegion;
            var firstSeenSeconds = Math.Min((long)firstSeen, end - 1);
            var activeFrom = Math.Max(firstSeenSeconds, start);
            customers[i] = new SyntheticCustomer
            {
                Index = i,
                Id = "C" + (i + 1).ToString("D6", CultureInfo.InvariantCulture),
                Archetype = a,
                FirstSeen = firstSeenSeconds,
                ActiveFrom = activeFrom,
                Death = activeFrom + (long)(lifetimeDays * SecondsPerDay),
                PurchaseRate = lambda,
                DropoutRate = mu,
                PriceSensitivity = rng.Beta(8 * sensitivityMean, 8 * (1 - sensitivityMean)),
                Region = region,
                AcquisitionChannel = rng.PickWeighted(ShopVocabulary.AcquisitionWeights),
                Device = rng.PickWeighted(ShopVocabulary.DeviceWeights),
                AgeBand = rng.PickWeighted(ShopVocabulary.AgeWeights),
                TasteCumulative = taste,
                TopCategory = top,
                FavouriteBrand = rng.Next(ProductCatalog.BrandsPerCategory),
                BrandLoyalty = rng.Beta(2, 3),
                PeakHourUtc = ((localPeak - ShopVocabulary.Regions[region].UtcOffset) % 24 + 24) % 24,
                WeekendFactor = Math.Exp(0.4 * rng.Normal()),
                WritesChinese = rng.Chance(mainland ? 0.9 : region <= ShopVocabulary.LastMainlandRegion + 2 ? 0.5 : 0.1),
            };
        }
        return customers;
    }

    /// <summary>Dirichlet-ish taste: Dirichlet(0.3) weights plus a boost on a top category drawn by category popularity.</summary>
    static double[] Taste(SimulationRandom rng, double[] categoryWeights, out int top)
    {
        var weights = new double[categoryWeights.Length];
        var sum = 0.0;
        for (var c = 0; c < weights.Length; c++) sum += weights[c] = rng.Gamma(TasteConcentration, 1);
        for (var c = 0; c < weights.Length; c++) weights[c] /= sum;
        weights[rng.PickWeighted(categoryWeights)] += TopCategoryBoost;
        top = 0;
        double cumulative = 0.0, topWeight = 0.0;
        for (var c = 0; c < weights.Length; c++)
        {
            if (weights[c] > topWeight) (top, topWeight) = (c, weights[c]);
            weights[c] = cumulative += weights[c];
        }
        return weights;
    }
}
