using ShopLens.Insight.Recommendations;
using ShopLens.Learning.Recommenders;

namespace ShopLens.Insight.Tests.Recommendations;

/// <summary>The shop's rules after the model: bought products, repeatable ones, the category cap, no-history customers.</summary>
[Trait("Issue", "6")]
public sealed class ShopRecommenderTests
{
    static TestStore Shop() => new TestStore().With(
        ("customers", """
            customer_id,region
            ann,Shanghai
            bob,Shanghai
            cat,Beijing
            dan,Shanghai
            """),
        ("products", """
            product_id,title,category,price
            p1,Kettle,Home>Kitchen,10
            p2,Pan,Home>Kitchen,10
            p3,Pot,Home>Kitchen,10
            p4,Knife,Home>Kitchen,10
            p5,Coffee beans,Food>Coffee,5
            p6,Headphones,Electronics,50
            """),
        ("orders", """
            order_id,customer_id,timestamp,status
            o1,ann,2025-01-01T10:00:00Z,completed
            o2,bob,2025-01-02T10:00:00Z,completed
            o3,bob,2025-01-09T10:00:00Z,completed
            o4,cat,2025-01-03T10:00:00Z,completed
            """),
        ("order_lines", """
            order_id,product_id,quantity,unit_price
            o1,p1,1,10
            o2,p1,1,10
            o2,p2,1,10
            o2,p3,1,10
            o2,p4,1,10
            o2,p5,1,5
            o3,p5,1,5
            o4,p6,1,50
            o4,p2,1,10
            """));

    static ShopRecommender Build(TestStore t, RecommendationFilters filters, bool withContent = false)
    {
        var log = InteractionLog.Load(t.Store, new InteractionWeights());
        var popularity = new Popularity(log.Matrix(_ => true));
        return ShopRecommender.Build(t.Store, popularity, log.CustomerKeys.Length, log, ProductSimilarity.Fit(log, ProductFacts.Load(t.Store, log.ProductKeys)), filters,
            withContent ? ProductContent.Load(t.Store) : null);
    }

    [Fact]
    public void A_new_product_like_the_history_gets_the_third_place()
    {
        using var t = Shop().With(("products", """
            product_id,title,category,price
            p7,Kettle Deluxe,Home>Kitchen,12
            p8,Cat litter,Pets,8
            """));
        var ann = Build(t, new RecommendationFilters { MaxPerCategory = 0, UnavailableAfterDays = 0 }, withContent: true).Recommend("ann", 4);
        Assert.Equal(4, ann.Count);
        // ann had the Kettle: the new Kettle Deluxe, which nobody has touched, is placed third; the litter shares nothing with her.
        Assert.Equal("p7", ann[2].ProductId);
        Assert.Equal("new in the shop, like Kettle", ann[2].Reason);
        Assert.DoesNotContain(ann, r => r.ProductId == "p8");
    }

    [Fact]
    public void Bought_products_stay_out_unless_bought_again_and_again_and_a_category_is_capped()
    {
        using var t = Shop();
        var shop = Build(t, new RecommendationFilters { MaxPerCategory = 2, UnavailableAfterDays = 0 });
        var ann = shop.Recommend("ann", 10).Select(r => r.ProductId).ToArray();
        Assert.DoesNotContain("p1", ann);
        // Home has p2, p3, p4 left for ann: two at most.
        Assert.Equal(2, ann.Count(p => p is "p2" or "p3" or "p4"));
        Assert.Contains("p5", ann);
        // bob bought p5 on two days, so it is repeatable and may come back; p1 … p4 he bought once.
        var bob = shop.Recommend("bob", 10).Select(r => r.ProductId).ToArray();
        Assert.Contains("p5", bob);
        Assert.DoesNotContain("p2", bob);
        Assert.All(shop.Recommend("ann", 10), r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
    }

    [Fact]
    public void A_customer_without_history_gets_what_is_popular_in_their_region()
    {
        using var t = Shop();
        var shop = Build(t, new RecommendationFilters { MaxPerCategory = 0, UnavailableAfterDays = 0 });
        var dan = shop.Recommend("dan", 3);
        Assert.All(dan, r => Assert.Equal("popular with customers in Shanghai", r.Reason));
        // In Shanghai (ann and bob) p1 has two buyers, every other product one.
        Assert.Equal("p1", dan[0].ProductId);
        Assert.DoesNotContain(dan, r => r.ProductId == "p6");
        Assert.Throws<KeyNotFoundException>(() => shop.Recommend("nobody", 3));
    }

    [Fact]
    public void Products_nobody_touched_lately_count_as_no_longer_sold()
    {
        using var t = Shop();
        // The log ends on 9 January; within 6 days only bob's second order (p5) and cat's order (p6, p2) are recent.
        var shop = Build(t, new RecommendationFilters { MaxPerCategory = 0, UnavailableAfterDays = 6 });
        Assert.Equal(["p2", "p5", "p6"], shop.Recommend("ann", 10).Select(r => r.ProductId).Order());
    }

    [Fact]
    public void Recent_acts_count_at_once_and_a_customer_unknown_to_the_model_is_scored_from_them()
    {
        using var t = Shop();
        var log = InteractionLog.Load(t.Store, new InteractionWeights());
        var knn = ItemKnn.Fit(log.Matrix(_ => true), new ItemKnnOptions { Threads = 1 });
        var shop = ShopRecommender.Build(t.Store, knn, log.CustomerKeys.Length, log, ProductSimilarity.Fit(log, ProductFacts.Load(t.Store, log.ProductKeys)),
            new RecommendationFilters { MaxPerCategory = 0, UnavailableAfterDays = 0 });
        // ann just bought the headphones: they leave her list, and the pan, bought with them by cat, comes because of them.
        var ann = shop.Recommend("ann", 10, [new("p6", InteractionKind.Purchase)]);
        Assert.Contains(shop.Recommend("ann", 10), r => r.ProductId == "p6");
        Assert.DoesNotContain(ann, r => r.ProductId == "p6");
        Assert.Contains(ann, r => r.ProductId == "p2" && r.Reason == "because you bought Headphones");
        // eve is in neither the store nor the model: her first view is enough to recommend from.
        Assert.Throws<KeyNotFoundException>(() => shop.Recommend("eve", 3));
        var eve = shop.Recommend("eve", 3, [new("p6", InteractionKind.View), new("unknown-product", InteractionKind.View)]);
        Assert.Equal("p2", eve[0].ProductId);
        Assert.Equal("because you viewed Headphones", eve[0].Reason);
    }
}
