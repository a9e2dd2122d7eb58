using ShopLens.Learning.Text;

namespace ShopLens.Learning.Tests.Text;

[Trait("Issue", "9")]
public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("ＡＢＣ１２３！", "abc123!")]
    [InlineData("  Great\t\tValue \n ", "great value")]
    [InlineData("Ｇｏｏｄ，ＯＫ", "good,ok")]
    [InlineData("很好　吃", "很好 吃")]
    public void Width_case_and_spaces_are_folded(string text, string expected) => Assert.Equal(expected, TextNormalizer.Normalize(text));

    [Fact]
    public void Traditional_and_simplified_characters_stay_apart()
    {
        Assert.Equal("好評", TextNormalizer.Normalize("好評"));
        Assert.NotEqual(TextNormalizer.Normalize("好评"), TextNormalizer.Normalize("好評"));
    }
}
