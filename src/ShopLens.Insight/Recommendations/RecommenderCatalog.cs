using System.Globalization;
using ShopLens.Learning.Recommenders;

namespace ShopLens.Insight.Recommendations;

/// <summary>
/// The recommenders by their command-line names, each with the few settings worth trying: the search picks among
/// them on a validation split of the training data (<see cref="HyperparameterSearch"/>). The hybrid ranks the
/// candidates of EASE, ALS, item-kNN and popularity, each with its chosen setting.
/// </summary>
public static class RecommenderCatalog
{
    public const string Hybrid = "hybrid";

    public static readonly IReadOnlyList<string> Names = ["popularity", "trending", "itemknn", "ease", "als", "bpr", Hybrid];

    /// <summary>A fitted model, the setting it was fitted with and what the search saw.</summary>
    public sealed record Fitted(IRecommender Model, string Setting, IReadOnlyList<(string Label, double Ndcg)> Tried);

    /// <summary>
    /// Fits <paramref name="name"/> on <paramref name="train"/>; <paramref name="side"/> (categories, prices) goes to the
    /// hybrid's ranker; <paramref name="trending"/> fits the trending baseline from the acts behind a matrix (it needs
    /// their times). Trending is not one of the hybrid's sources: as one it cost NDCG on MovieLens (0.4761 → 0.4750)
    /// and on the demo shop's leave-last-out split (0.4381 → 0.4352).
    /// </summary>
    /// <exception cref="ArgumentException">an unknown name, or trending without <paramref name="trending"/></exception>
    public static Fitted Fit(string name, Interactions train, int k, int seed, int threads, ItemSideInformation? side = null,
        Func<Interactions, IRecommender>? trending = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (name == Hybrid)
        {
            var sources = new[] { "ease", "als", "itemknn" }.Select(n => Choose(n, train, k, seed, threads, ct)).ToArray();
            var hybrid = HybridRecommender.Fit(train, [.. sources.Select(s => s.Best.Fit), d => new Popularity(d)],
                new HybridOptions { Seed = seed, Threads = threads }, side, ct);
            return new Fitted(hybrid, string.Join(" + ", sources.Select(s => s.Best.Label).Append("popularity")), []);
        }
        if (name == "trending")
        {
            if (trending is null) throw new ArgumentException("the trending baseline needs the times of the acts");
            return new Fitted(trending(train), $"half-life {TrendingSource.HalfLifeDays.ToString(CultureInfo.InvariantCulture)} days", []);
        }
        var search = Choose(name, train, k, seed, threads, ct);
        return new Fitted(search.Best.Fit(train), search.Best.Label, search.Tried);
    }

    static HyperparameterSearch.Result Choose(string name, Interactions train, int k, int seed, int threads, CancellationToken ct) =>
        HyperparameterSearch.Choose(train, Settings(name, seed, threads), k, seed, threads, ct);

    static IReadOnlyList<HyperparameterSearch.Candidate> Settings(string name, int seed, int threads) => name switch
    {
        "popularity" => [new("popularity", d => new Popularity(d))],
        "itemknn" => [.. new[] { 50, 200, 800 }.Select(n =>
            new HyperparameterSearch.Candidate(Label("itemknn neighbours", n), d => ItemKnn.Fit(d, new ItemKnnOptions { Neighbours = n, Threads = threads })))],
        "ease" => [.. new[] { 50.0, 150, 300, 600, 1200 }.Select(l2 =>
            new HyperparameterSearch.Candidate(Label("ease l2", l2), d => Ease.Fit(d, new EaseOptions { L2 = l2, Threads = threads })))],
        "als" => [.. new[] { (32, 1.0), (32, 10.0), (64, 10.0), (64, 30.0) }.Select(s =>
            new HyperparameterSearch.Candidate($"als factors {s.Item1} regularization {s.Item2.ToString(CultureInfo.InvariantCulture)}",
                d => new AlsTrainer(new AlsOptions { Factors = s.Item1, Regularization = s.Item2, Seed = seed, Threads = threads }).Fit(d)))],
        "bpr" => [new("bpr factors 128 epochs 100 learning rate 0.05",
            d => new BprTrainer(new BprOptions { Factors = 128, Epochs = 100, LearningRate = 0.05, Seed = seed }).Fit(d))],
        _ => throw new ArgumentException($"unknown recommender '{name}'; use {string.Join(", ", Names)}"),
    };

    static string Label(string what, double value) => $"{what} {value.ToString(CultureInfo.InvariantCulture)}";
}
