using ShopLens.Learning.Recommenders;

namespace ShopLens.Learning.Tests.Recommenders;

/// <summary>EASE: the closed form on a small matrix, the known block answer, bad input.</summary>
[Trait("Issue", "6")]
public sealed class EaseTests
{
    [Fact]
    public void Weights_are_the_closed_form_with_a_zero_diagonal()
    {
        var x = BlockData.Random(30, 8, 4, seed: 2);
        const double l2 = 3;
        var ease = Ease.Fit(x, new EaseOptions { L2 = l2, Threads = 1 });
        // P = (XᵀX + λI)⁻¹ by Gauss–Jordan in the test, then B = I − P diag(1/diag P).
        var n = x.Items;
        var g = new double[n, 2 * n];
        for (var u = 0; u < x.Users; u++)
            foreach (var i in x.ItemsOf(u))
                foreach (var j in x.ItemsOf(u)) g[i, j]++;
        for (var i = 0; i < n; i++) (g[i, i], g[i, n + i]) = (g[i, i] + l2, 1);
        for (var c = 0; c < n; c++)
        {
            var pivot = g[c, c];
            for (var j = 0; j < 2 * n; j++) g[c, j] /= pivot;
            for (var r = 0; r < n; r++)
            {
                if (r == c) continue;
                var f = g[r, c];
                for (var j = 0; j < 2 * n; j++) g[r, j] -= f * g[c, j];
            }
        }
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                Assert.Equal(i == j ? 0 : -g[i, n + j] / g[j, n + j], ease.Weight(i, j), 1e-6);
        // A user's scores are the sum of their items' rows.
        var scores = new float[n];
        ease.Score(0, x.ItemsOf(0), x.WeightsOf(0), scores);
        for (var j = 0; j < n; j++)
        {
            var sum = 0f;
            foreach (var i in x.ItemsOf(0)) sum += ease.Weight(i, j);
            Assert.Equal(sum, scores[j], 1e-5);
        }
    }

    [Fact]
    public void Every_user_gets_their_withheld_item_first()
    {
        var x = BlockData.TwoCommunities();
        var ease = Ease.Fit(x, new EaseOptions { L2 = 10 });
        for (var u = 0; u < 40; u++) Assert.Equal(u, BlockData.TopNew(ease, x, u));
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<LearnerInputException>(() => Ease.Fit(Interactions.FromTriples(2, 2, [], [], []), new EaseOptions()));
        Assert.Throws<ArgumentException>(() => Ease.Fit(BlockData.TwoCommunities(), new EaseOptions { L2 = 0 }));
        var ease = Ease.Fit(BlockData.TwoCommunities(), new EaseOptions());
        Assert.Throws<ArgumentException>(() => ease.Score(0, [1], [1], new float[3]));
    }
}
