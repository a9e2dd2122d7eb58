using ShopLens.Learning.Text;

namespace ShopLens.Learning.Tests.Text;

[Trait("Issue", "9")]
public sealed class TermThemesTests
{
    [Fact]
    public void Pieces_of_one_phrase_and_terms_of_the_same_texts_merge_and_the_rest_stand_apart()
    {
        var texts = new Dictionary<string, int[]>
        {
            ["电池"] = [0, 1, 2, 3],
            ["物流"] = [4, 5, 6],
            ["电池不"] = [0, 1],      // contains the head 电池
            ["续航"] = [0, 1, 2],     // shares 3 of its 3 texts with 电池
            ["很快"] = [4, 5, 7],     // shares 2 of 3 with 物流: 0.67
            ["包装"] = [8, 9],
        };
        var themes = TermThemes.Merge(["电池", "物流", "电池不", "续航", "很快", "包装"], t => texts[t]);
        Assert.Equal(3, themes.Count);
        Assert.Equal(["电池", "电池不", "续航"], themes[0].Terms);
        Assert.Equal([0, 1, 2, 3], themes[0].Texts);
        Assert.Equal(["物流", "很快"], themes[1].Terms);
        Assert.Equal([4, 5, 6, 7], themes[1].Texts);
        Assert.Equal("包装", themes[2].Name);
    }

    [Fact]
    public void Terms_past_the_last_theme_are_left_out()
    {
        var themes = TermThemes.Merge(["a", "b", "c"], t => [t[0] - 'a'], maxThemes: 2);
        Assert.Equal(["a", "b"], themes.Select(t => t.Name));
    }
}
