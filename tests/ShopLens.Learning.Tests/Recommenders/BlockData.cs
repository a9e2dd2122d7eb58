using ShopLens.Learning.Recommenders;

namespace ShopLens.Learning.Tests.Recommenders;

/// <summary>Small interaction matrices with a known structure for the factor models.</summary>
static class BlockData
{
    /// <summary>
    /// 40 users and 40 items in two communities: users 0–19 have items 0–19, users 20–39 items 20–39, each user less
    /// item u (the withheld "diagonal"), with weights 1 to 3.
    /// </summary>
    public static Interactions TwoCommunities()
    {
        List<int> users = [], items = [];
        List<float> weights = [];
        for (var u = 0; u < 40; u++)
            for (var i = u / 20 * 20; i < u / 20 * 20 + 20; i++)
            {
                if (i == u) continue;
                users.Add(u);
                items.Add(i);
                weights.Add(1 + (u + i) % 3);
            }
        return Interactions.FromTriples(40, 40, [.. users], [.. items], [.. weights]);
    }

    /// <summary>Each user has <paramref name="perUser"/> distinct random items with weights in [1, 5).</summary>
    public static Interactions Random(int users, int items, int perUser, int seed)
    {
        var rng = new Random(seed);
        List<int> us = [], its = [];
        List<float> weights = [];
        for (var u = 0; u < users; u++)
            foreach (var i in Enumerable.Range(0, items).OrderBy(_ => rng.Next()).Take(perUser))
            {
                us.Add(u);
                its.Add(i);
                weights.Add((float)(1 + 4 * rng.NextDouble()));
            }
        return Interactions.FromTriples(users, items, [.. us], [.. its], [.. weights]);
    }

    /// <summary>The item with the highest score among those the user does not have in <paramref name="x"/>.</summary>
    public static int TopNew(IRecommender model, Interactions x, int user)
    {
        var scores = new float[model.Items];
        model.Score(user, x.ItemsOf(user), x.WeightsOf(user), scores);
        return TopItems.Select(scores, 1, x.ItemsOf(user))[0];
    }
}
