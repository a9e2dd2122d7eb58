using ShopLens.Core.Model;

namespace ShopLens.Core.Synthetic;

/// <summary>
/// Plays out one customer's life in the shop: sessions of search, view, click, favorite, cart and remove_cart events;
/// the sessions that convert end in a checkout (one purchase event per order line, plus the order and its lines);
/// returned orders get refund events, and some purchased products get a review whose rating follows their quality.
/// Each customer draws from an own random stream, so a customer's history does not depend on the others'.
/// </summary>
sealed class BehaviourSimulator(ShopSimulatorOptions options, ProductCatalog catalog, ShopFiles files)
{
    const double SearchShare = 0.35, IntentShare = 0.7, ClickShare = 0.2, FavoriteShare = 0.04, RemoveShare = 0.15;
    const double CancelShare = 0.04, MaxCartProbability = 0.95;
    /// <summary>A promotion of p% multiplies a deal seeker's chance to cart by 1 + DealBoost · deal seeking · p / 100.</summary>
    const double DealBoost = 10;
    /// <summary>Chance that an order gets a coupon: this base plus the second constant times deal seeking.</summary>
    const double CouponBase = 0.03, CouponPerDealSeeking = 0.4;
    const int MaxQuantity = 5;

    readonly record struct Step(EventType Type, long Time, int Product, long PriceCents, int Quantity, string? Query);

    sealed record CartLine(int Product, int Quantity, int PromotionPercent)
    {
        public bool Removed { get; set; }
    }

    readonly record struct Pending(long Time, int Product, long PriceCents, int Quantity);

    readonly long _end = new DateTimeOffset(options.End).ToUnixTimeSeconds();
    readonly List<long> _starts = [];
    readonly List<Step> _steps = [];
    readonly List<CartLine> _cart = [];
    readonly List<Pending> _refunds = [];
    long _checkout;

    public void Simulate(SyntheticCustomer customer, ArchetypeTally tally)
    {
        var rng = new SimulationRandom(options.Seed, stream: 1000 + (long)customer.Index);
        var archetype = Archetypes.All[customer.Archetype];
        var stop = Math.Min(customer.Death, _end);
        tally.Customers++;
        if (customer.Death >= _end) tally.AliveAtEnd++;
        tally.ActiveDays += Math.Max(0, stop - customer.ActiveFrom) / 86400.0;
        var ordersBefore = tally.Orders;

        SessionArrivals.Draw(customer, archetype, stop, rng, _starts);
        _refunds.Clear();
        var free = long.MinValue;
        foreach (var drawn in _starts)
        {
            var start = Math.Max(drawn, free);
            var converts = rng.Chance(archetype.SessionConversion);
            var end = PlaySession(customer, archetype, rng, start, converts);
            // Nothing happens after death or the end: a session that would run past them is not kept.
            if (end >= stop) continue;
            free = end + 60 + rng.Next(1800);
            Write(customer, archetype, rng, converts, stop, tally);
        }
        FlushRefunds(customer, long.MaxValue, tally);
        if (tally.Orders > ordersBefore) tally.Buyers++;
    }

    /// <summary>Plays a session into the step buffer and the cart; returns when it ends (its checkout, if it converts).</summary>
    long PlaySession(SyntheticCustomer customer, Archetype archetype, SimulationRandom rng, long start, bool converts)
    {
        _steps.Clear();
        _cart.Clear();
        var t = start;
        var day = start / 86400;
        var intent = rng.PickCumulative(customer.TasteCumulative);
        if (rng.Chance(SearchShare))
        {
            var leaves = ShopVocabulary.Categories[intent].Leaves;
            var queries = leaves[rng.Next(leaves.Length)].Queries;
            _steps.Add(new Step(EventType.Search, t, -1, -1, 0, queries[rng.Next(queries.Length)]));
            t += rng.Next(5, 30);
        }

        var views = 1 + rng.Poisson(archetype.ViewsPerSession);
        var dealSeeking = DealSeeking(customer);
        int fallback = -1, fallbackPromotion = 0, notCarted = 0, bestDeal = -1, bestDealPromotion = 0;
        for (var v = 0; v < views; v++)
        {
            var category = rng.Chance(IntentShare) ? intent : rng.PickCumulative(customer.TasteCumulative);
            var product = ChooseProduct(customer, rng, category, day);
            var promotion = catalog.PromotionPercent(product, day);
            var price = PaidCents(product, promotion);
            _steps.Add(new Step(EventType.View, t, product, price, 0, null));
            if (rng.Chance(ClickShare)) _steps.Add(new Step(EventType.Click, t += rng.Next(5, 40), product, price, 0, null));
            if (rng.Chance(FavoriteShare)) _steps.Add(new Step(EventType.Favorite, t += rng.Next(5, 30), product, price, 0, null));
            // Deal seekers cart promoted products readily and hesitate at full price.
            var dealFactor = promotion > 0 ? 1 + DealBoost * dealSeeking * promotion / 100.0 : 1 - dealSeeking;
            var cartProbability = Math.Min(MaxCartProbability, archetype.ViewToCart * dealFactor);
            // A product already in the cart is not carted again, so an order never has two equal lines.
            if (!InCart(product) && rng.Chance(cartProbability)) AddToCart(archetype, rng, ref t, product, promotion, price);
            else
            {
                if (rng.Next(++notCarted) == 0) (fallback, fallbackPromotion) = (product, promotion); // uniform among the viewed
                if (promotion > bestDealPromotion) (bestDeal, bestDealPromotion) = (product, promotion);
            }
            t += rng.Next(20, 180);
        }
        // A converting session carts at least once: one of the viewed products, drawn uniformly, or for a deal
        // seeker the best deal seen.
        if (converts && _cart.Count == 0)
        {
            if (bestDeal >= 0 && rng.Chance(dealSeeking)) (fallback, fallbackPromotion) = (bestDeal, bestDealPromotion);
            AddToCart(archetype, rng, ref t, fallback, fallbackPromotion, PaidCents(fallback, fallbackPromotion));
        }

        var kept = _cart.Count;
        foreach (var line in _cart)
        {
            if (!rng.Chance(RemoveShare) || (converts && kept == 1)) continue;
            line.Removed = true;
            kept--;
            _steps.Add(new Step(EventType.RemoveCart, t += rng.Next(10, 120), line.Product, PaidCents(line.Product, line.PromotionPercent), line.Quantity, null));
        }
        _checkout = converts ? t + rng.Next(30, 300) : long.MinValue;
        return converts ? _checkout : t;
    }

    bool InCart(int product)
    {
        foreach (var line in _cart)
            if (line.Product == product && !line.Removed) return true;
        return false;
    }

    void AddToCart(Archetype archetype, SimulationRandom rng, ref long t, int product, int promotion, long price)
    {
        var quantity = 1;
        while (quantity < MaxQuantity && rng.Chance(archetype.ExtraQuantity)) quantity++;
        _cart.Add(new CartLine(product, quantity, promotion));
        _steps.Add(new Step(EventType.Cart, t += rng.Next(10, 60), product, price, quantity, null));
    }

    /// <summary>
    /// Brand-loyal picks in the top category; otherwise by popularity, and then a customer whose price sensitivity s is
    /// away from ½ compares two offers with probability |2s − 1|: above ½ takes the cheaper, below ½ the pricier.
    /// </summary>
    int ChooseProduct(SyntheticCustomer customer, SimulationRandom rng, int category, long day)
    {
        if (category == customer.TopCategory && rng.Chance(customer.BrandLoyalty))
        {
            var loyal = catalog.PickInBrand(rng, category, customer.FavouriteBrand);
            if (loyal >= 0) return loyal;
        }
        var first = catalog.PickInCategory(rng, category);
        var lean = 2 * customer.PriceSensitivity - 1;
        if (!rng.Chance(Math.Abs(lean))) return first;
        var second = catalog.PickInCategory(rng, category);
        var secondIsCheaper = PaidCents(second, catalog.PromotionPercent(second, day)) < PaidCents(first, catalog.PromotionPercent(first, day));
        return secondIsCheaper == lean > 0 ? second : first;
    }

    /// <summary>How strongly the customer waits for deals: s², so that only the clearly price-sensitive do.</summary>
    static double DealSeeking(SyntheticCustomer customer) => customer.PriceSensitivity * customer.PriceSensitivity;

    long PaidCents(int product, int discountPercent) =>
        (catalog.Products[product].PriceCents * (100 - discountPercent) + 50) / 100;

    /// <summary>Writes the played session, and for a converting one its order, lines, returns and reviews.</summary>
    void Write(SyntheticCustomer customer, Archetype archetype, SimulationRandom rng, bool converts, long stop, ArchetypeTally tally)
    {
        var device = rng.Chance(0.85) ? customer.Device : rng.PickWeighted(ShopVocabulary.DeviceWeights);
        var channel = ShopVocabulary.DeviceChannels[device];
        FlushRefunds(customer, _steps[0].Time, tally);
        var session = files.NewSession();
        tally.Sessions++;
        foreach (var s in _steps)
        {
            files.Event(customer.Id, session, s.Product >= 0 ? catalog.Products[s.Product].Id : null, s.Type, s.Time, s.PriceCents, s.Quantity, s.Query, channel);
            tally.Events++;
            if (s.Type == EventType.View) tally.Views++;
            else if (s.Type == EventType.Cart) tally.Carts++;
            else if (s.Type == EventType.RemoveCart) tally.RemovedFromCart++;
        }
        if (!converts) return;

        var checkout = _checkout;
        var coupon = rng.Chance(CouponBase + CouponPerDealSeeking * DealSeeking(customer)) ? 5 * rng.Next(1, 5) : 0;
        var quality = 0.0;
        var lines = 0;
        foreach (var line in _cart)
        {
            if (line.Removed) continue;
            quality += catalog.Products[line.Product].Quality;
            lines++;
        }
        // Poor products come back more often.
        var status = rng.Chance(CancelShare) ? OrderStatus.Cancelled
            : rng.Chance(0.02 + 0.10 * (1 - quality / lines)) ? OrderStatus.Returned : OrderStatus.Completed;
        var refundTime = checkout + 86400L * rng.Next(3, 15) + rng.Next(86400);
        if (status == OrderStatus.Returned && refundTime >= stop) status = OrderStatus.Completed;

        var order = files.NewOrder();
        files.Order(order, customer.Id, checkout, status);
        tally.Orders++;
        if (status == OrderStatus.Cancelled) tally.CancelledOrders++;
        if (status == OrderStatus.Returned) tally.ReturnedOrders++;
        foreach (var line in _cart)
        {
            if (line.Removed) continue;
            var product = catalog.Products[line.Product];
            var discount = line.PromotionPercent > 0 ? line.PromotionPercent : coupon;
            var paid = PaidCents(line.Product, discount);
            files.Event(customer.Id, session, product.Id, EventType.Purchase, checkout, paid, line.Quantity, null, channel);
            files.OrderLine(order, product.Id, line.Quantity, product.PriceCents, discount);
            tally.Events++;
            tally.PurchaseEvents++;
            tally.Lines++;
            if (discount > 0) tally.DiscountedLines++;
            if (status != OrderStatus.Cancelled) tally.RevenueCents += paid * line.Quantity;
            if (status == OrderStatus.Returned) _refunds.Add(new Pending(refundTime, line.Product, paid, line.Quantity));
            if (status != OrderStatus.Cancelled && rng.Chance(archetype.ReviewRate))
                Review(customer, rng, product, checkout, status == OrderStatus.Returned, stop, tally);
        }
    }

    void Review(SyntheticCustomer customer, SimulationRandom rng, SyntheticProduct product, long checkout, bool returned, long stop, ArchetypeTally tally)
    {
        var time = checkout + 86400L * rng.Next(2, 21) + rng.Next(86400);
        if (time >= stop) return;
        // Ratings follow the hidden quality: 1 + 4·quality plus noise, one star less for a returned order; a bad batch
        // lowers the quality behind the last weeks' reviews.
        var quality = product.BadBatch && time >= stop - 86400L * ReviewAspects.BadBatchDays
            ? Math.Max(0, product.Quality - ReviewAspects.BadBatchQualityDrop)
            : product.Quality;
        var latent = 1 + 4 * quality + 0.75 * rng.Normal() - (returned ? 1 : 0);
        var rating = (int)Math.Clamp(Math.Round(latent), 1, 5);
        files.Review(customer.Id, product.Id, time, rating, ReviewPhrases.Pick(rng, rating, customer.WritesChinese, product));
        tally.Reviews++;
        tally.RatingSum += rating;
    }

    /// <summary>Writes the pending refund events due before <paramref name="before"/>, so a customer's events stay in time order.</summary>
    void FlushRefunds(SyntheticCustomer customer, long before, ArchetypeTally tally)
    {
        if (_refunds.Count == 0) return;
        if (_refunds.Count > 1) _refunds.Sort(static (x, y) => x.Time.CompareTo(y.Time));
        var due = 0;
        while (due < _refunds.Count && _refunds[due].Time < before)
        {
            var r = _refunds[due++];
            files.Event(customer.Id, 0, catalog.Products[r.Product].Id, EventType.Refund, r.Time, r.PriceCents, r.Quantity, null,
                ShopVocabulary.DeviceChannels[customer.Device]);
            tally.Events++;
        }
        _refunds.RemoveRange(0, due);
    }
}
