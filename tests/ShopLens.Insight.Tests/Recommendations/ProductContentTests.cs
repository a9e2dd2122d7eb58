using ShopLens.Insight.Recommendations;

namespace ShopLens.Insight.Tests.Recommendations;

/// <summary>Cold start for products: a product nobody touched is compared by category, brand, price band and title words.</summary>
[Trait("Issue", "6")]
public sealed class ProductContentTests
{
    [Fact]
    public void A_new_product_is_most_like_those_sharing_its_category_brand_and_words()
    {
        using var t = new TestStore().With(("products", """
            product_id,title,category,brand,price
            new,南山 保温杯 500ml,Home>Kitchen>Bottles,南山,89
            b1,南山 新款 保温杯 Vacuum Bottle,Home>Kitchen>Bottles,南山,99
            b2,Beilab 保温杯 升级版,Home>Kitchen>Bottles,Beilab,60
            k1,南山 不粘锅 Frying Pan,Home>Kitchen>Cookware,南山,166
            e1,Oringo Wireless Earbuds,Electronics>Audio,Oringo,211
            """));
        var content = ProductContent.Load(t.Store);
        var similar = content.Similar("new", 4);
        Assert.Equal(["b1", "b2", "k1"], similar.Select(s => s.ProductId));
        Assert.True(similar[0].Similarity > similar[1].Similarity && similar[1].Similarity > similar[2].Similarity);
        // Nothing in common with the earbuds: not listed at all.
        Assert.DoesNotContain(similar, s => s.ProductId == "e1");
        Assert.Throws<KeyNotFoundException>(() => content.Similar("nothing", 3));
    }
}
