using ShopLens.Learning.Text;

namespace ShopLens.Learning.Tests.Text;

[Trait("Issue", "9")]
public sealed class TextTermsTests
{
    static readonly TextTerms Terms = new();

    [Fact]
    public void A_han_run_gives_its_character_ngrams_up_to_three()
    {
        Assert.Equal(["不", "好", "吃", "不好", "好吃", "不好吃"], Terms.Of("不好吃"));
        Assert.Equal(["太", "贵", "太贵", "送", "货", "慢", "送货", "货慢", "送货慢"], Terms.Of("太贵,送货慢"));
        Assert.Equal(["好", "吃"], new TextTerms { MaxCharLength = 1 }.Of("好吃"));
    }

    [Fact]
    public void Words_after_a_negation_are_marked_until_punctuation()
    {
        Assert.Equal(["this", "is", "not", "not_good", "not_at", "not_all", "but", "cheap"], Terms.Of("this is not good at all, but cheap"));
        Assert.Equal(["didn't", "not_like", "not_it", "ok"], Terms.Of("didn't like it. ok"));
        Assert.Equal(["never", "not_again"], Terms.Of("never again"));
    }

    [Fact]
    public void Mixed_text_splits_into_words_and_character_grams()
    {
        Assert.Equal(["iphone", "15", "很", "好", "很好"], Terms.Of("iphone 15很好"));
        // A character outside the Basic Multilingual Plane (extension B) stays whole.
        Assert.Equal(["𠀀", "好", "𠀀好"], Terms.Of("𠀀好"));
    }

    [Theory]
    [InlineData("this is not good, 不好吃 𠀀好 iphone")]
    [InlineData("")]
    public void Columns_are_the_hashes_of_the_terms(string text)
    {
        var columns = new List<int>();
        Terms.Columns(text, 18, columns);

        Assert.Equal(Terms.Of(text).Select(t => FeatureHash.Column(t, 18)), columns);
    }
}
