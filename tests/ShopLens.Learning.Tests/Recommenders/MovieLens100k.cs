using System.Globalization;
using ShopLens.Learning.Recommenders;

namespace ShopLens.Learning.Tests.Recommenders;

/// <summary>MovieLens-100K's 100,000 ratings (943 users, 1,682 movies) as implicit interactions: every rating is a positive.</summary>
static class MovieLens100k
{
    static readonly Lazy<Interactions> All = new(() =>
    {
        List<int> users = [], items = [];
        foreach (var line in File.ReadLines(SharedData.Path("movielens_100k/u.data")))
        {
            var f = line.Split('\t');
            users.Add(int.Parse(f[0], CultureInfo.InvariantCulture) - 1);
            items.Add(int.Parse(f[1], CultureInfo.InvariantCulture) - 1);
        }
        return Interactions.FromTriples(users.Max() + 1, items.Max() + 1, [.. users], [.. items], [.. users.Select(_ => 1f)]);
    });

    public static Interactions Interactions => All.Value;

    /// <summary>The 75/25 per-user random split of microsoft/recommenders' benchmark, seed 42.</summary>
    public static (Interactions Train, Interactions Test) Split() => InteractionSplit.PerUserRandom(Interactions, 0.25, 42);
}
