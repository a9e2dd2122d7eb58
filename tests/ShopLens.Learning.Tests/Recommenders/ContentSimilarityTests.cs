using ShopLens.Learning.Recommenders;

namespace ShopLens.Learning.Tests.Recommenders;

/// <summary>Content similarity: IDF-weighted cosines by hand, the cold-start item, featureless items, bad input.</summary>
[Trait("Issue", "6")]
public sealed class ContentSimilarityTests
{
    const int A = 0, B = 1, C = 2, D = 3, E = 4;

    /// <summary>
    /// Item 0: a, b, e; item 1: a, c twice (two triples of 1), e; item 2: a, e; item 3: c, d, e; item 4: nothing.
    /// N = 4 items with features; df: a 3, b 1, c 2, d 1, e 4.
    /// </summary>
    static ContentFeatures Catalogue() =>
        ContentFeatures.FromTriples(5, 5, [0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 3], [A, B, E, A, C, C, E, A, E, C, D, E], Enumerable.Repeat(1f, 12).ToArray());

    [Fact]
    public void Similarities_are_cosines_of_idf_weighted_vectors()
    {
        // IDF log(4 / df): a ln(4/3), b ln 4, c ln 2, d ln 4, e ln 1 = 0 (on every item, it says nothing). So
        // v0 = (a ln(4/3), b ln 4), v1 = (a ln(4/3), c 2 ln 2), v2 = (a ln(4/3)), v3 = (c ln 2, d ln 4).
        double a = Math.Log(4.0 / 3), ln2 = Math.Log(2), ln4 = Math.Log(4);
        double norm0 = Math.Sqrt(a * a + ln4 * ln4), norm1 = Math.Sqrt(a * a + 4 * ln2 * ln2), norm3 = Math.Sqrt(ln2 * ln2 + ln4 * ln4);
        double cos01 = a * a / (norm0 * norm1), cos02 = a / norm0, cos12 = a / norm1, cos13 = 2 * ln2 * ln2 / (norm1 * norm3);
        var content = ContentSimilarity.Fit(Catalogue(), new ContentOptions());
        Assert.Equal("content", content.Name);

        var of1 = content.Similar(1, 10).ToArray();
        Assert.Equal([3, 2, 0], of1.Select(s => s.Item));
        Assert.Equal(cos13, of1[0].Similarity, 6);
        Assert.Equal(cos12, of1[1].Similarity, 6);
        Assert.Equal(cos01, of1[2].Similarity, 6);
        // Item 0 shares only e (weight 0) with item 3: not similar.
        var of0 = content.Similar(0, 10).ToArray();
        Assert.Equal([2, 1], of0.Select(s => s.Item));
        Assert.Equal(cos02, of0[0].Similarity, 6);
        Assert.Equal([3], content.Similar(1, 1).Select(s => s.Item));
        Assert.Empty(content.Similar(1, 0));

        // A history of items 0 and 3: each item's cosines with them added up.
        var scores = new float[5];
        content.Score(-1, [0, 3], [1, 1], scores);
        Assert.Equal(1, scores[0], 5);
        Assert.Equal(cos01 + cos13, scores[1], 6);
        Assert.Equal(cos02, scores[2], 6);
        Assert.Equal(1, scores[3], 5);
        Assert.Equal(0, scores[4]);
    }

    [Fact]
    public void Idf_can_be_off_and_features_on_one_item_left_out()
    {
        // Without IDF: v0 = (1, 1, 1) over a, b, e and v2 = (1, 1) over a, e.
        var plain = ContentSimilarity.Fit(Catalogue(), new ContentOptions { Idf = false });
        Assert.Equal(2 / (Math.Sqrt(3) * Math.Sqrt(2)), plain.Similar(0, 10).First(s => s.Item == 2).Similarity, 6);
        Assert.Contains(plain.Similar(0, 10), s => s.Item == 3);
        // b and d (one item each) left out: v0 = (a ln(4/3)) points the same way as v2.
        var shared = ContentSimilarity.Fit(Catalogue(), new ContentOptions { MinItemsPerFeature = 2 });
        Assert.Equal(1, shared.Similar(0, 10).First(s => s.Item == 2).Similarity, 6);
    }

    [Fact]
    public void Items_without_features_are_similar_to_nothing()
    {
        var content = ContentSimilarity.Fit(Catalogue(), new ContentOptions());
        Assert.Empty(content.Similar(4, 10));
        Assert.DoesNotContain(content.Similar(0, 10), s => s.Item == 4);
        var scores = new float[5];
        content.Score(-1, [4], [1], scores);
        Assert.All(scores, s => Assert.Equal(0, s));
    }

    [Fact]
    public void A_new_item_is_recommended_to_users_with_similar_items()
    {
        // Features: 0 kitchen, 1 garden, brands 2 … 5. Items 0–2 kitchen (brands 2, 3, 4), 3–4 garden (brand 5), and item 5,
        // new, kitchen of brand 3 like item 1. Nobody has item 5 yet.
        var features = ContentFeatures.FromTriples(6, 6, [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5], [0, 2, 0, 3, 0, 4, 1, 5, 1, 5, 0, 3], Enumerable.Repeat(1f, 12).ToArray());
        var x = Interactions.FromTriples(4, 6, [0, 0, 1, 1, 2, 2, 3], [0, 1, 3, 4, 0, 2, 3], Enumerable.Repeat(1f, 7).ToArray());
        var content = ContentSimilarity.Fit(features, new ContentOptions());
        Assert.Equal(5, BlockData.TopNew(content, x, 0));
        var scores = new float[6];
        content.Score(1, x.ItemsOf(1), x.WeightsOf(1), scores);
        Assert.Equal(0, scores[5]);
        // Behaviour alone cannot score it.
        ItemKnn.Fit(x, new ItemKnnOptions()).Score(0, x.ItemsOf(0), x.WeightsOf(0), scores);
        Assert.Equal(0, scores[5]);
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<LearnerInputException>(() => ContentFeatures.FromTriples(-1, 2, [], [], []));
        Assert.Throws<LearnerInputException>(() => ContentFeatures.FromTriples(2, 2, [0, 1], [0], [1, 1]));
        Assert.Throws<LearnerInputException>(() => ContentFeatures.FromTriples(2, 2, [2], [0], [1]));
        Assert.Throws<LearnerInputException>(() => ContentFeatures.FromTriples(2, 2, [0], [-1], [1]));
        Assert.Throws<LearnerInputException>(() => ContentFeatures.FromTriples(2, 2, [0], [0], [0]));
        Assert.Throws<LearnerInputException>(() => ContentFeatures.FromTriples(2, 2, [0], [0], [float.NaN]));
        Assert.Throws<LearnerInputException>(() => ContentFeatures.FromTriples(2, 2, [0], [0], [float.PositiveInfinity]));
        Assert.Throws<LearnerInputException>(() => ContentSimilarity.Fit(ContentFeatures.FromTriples(2, 2, [], [], []), new ContentOptions()));
        Assert.Throws<ArgumentException>(() => ContentSimilarity.Fit(Catalogue(), new ContentOptions { MinItemsPerFeature = 0 }));
        var content = ContentSimilarity.Fit(Catalogue(), new ContentOptions());
        Assert.Throws<ArgumentOutOfRangeException>(() => content.Similar(5, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => content.Similar(0, -1));
        Assert.Throws<ArgumentException>(() => content.Score(-1, [0], [1], new float[4]));
    }
}
