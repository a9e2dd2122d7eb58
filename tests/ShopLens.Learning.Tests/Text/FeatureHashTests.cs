using ShopLens.Learning.Text;

namespace ShopLens.Learning.Tests.Text;

[Trait("Issue", "9")]
public sealed class FeatureHashTests
{
    /// <summary>The FNV-1a test vectors of Fowler, Noll and Vo (the empty string, "a", "foobar"), and a UTF-8 one.</summary>
    [Theory]
    [InlineData("", 0x811C9DC5u)]
    [InlineData("a", 0xE40C292Cu)]
    [InlineData("foobar", 0xBF9CF968u)]
    public void Known_hashes(string term, uint expected) => Assert.Equal(expected, FeatureHash.Fnv1a(term));

    [Fact]
    public void A_chinese_term_hashes_its_utf8_bytes_and_columns_are_masked()
    {
        // 好 is E5 A5 BD in UTF-8.
        var expected = 2166136261u;
        foreach (var b in new byte[] { 0xE5, 0xA5, 0xBD }) expected = (expected ^ b) * 16777619u;
        Assert.Equal(expected, FeatureHash.Fnv1a("好"));
        Assert.Equal((int)(expected & 0xFFFF), FeatureHash.Column("好", 16));
        Assert.Throws<ArgumentOutOfRangeException>(() => FeatureHash.Column("好", 31));
    }
}
