using ShopLens.Learning.Evaluation;

namespace ShopLens.Learning.Tests.Evaluation;

[Trait("Issue", "9")]
public sealed class StratifiedHoldOutTests
{
    [Fact]
    public void Each_class_loses_the_same_share_and_the_seed_fixes_which_rows()
    {
        var labels = Enumerable.Range(0, 103).Select(i => i % 4 == 0).ToArray(); // 26 positive, 77 negative
        var held = StratifiedHoldOut.Draw(labels, 0.2, seed: 7);
        Assert.Equal(5, held.Where((h, i) => h && labels[i]).Count());   // ⌊26 · 0.2⌋
        Assert.Equal(15, held.Where((h, i) => h && !labels[i]).Count()); // ⌊77 · 0.2⌋
        Assert.Equal(held, StratifiedHoldOut.Draw(labels, 0.2, seed: 7));
        Assert.NotEqual(held, StratifiedHoldOut.Draw(labels, 0.2, seed: 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedHoldOut.Draw(labels, 1, seed: 7));
    }
}
