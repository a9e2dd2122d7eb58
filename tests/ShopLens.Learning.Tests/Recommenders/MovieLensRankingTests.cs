using ShopLens.Learning.Recommenders;
using Xunit.Abstractions;

namespace ShopLens.Learning.Tests.Recommenders;

/// <summary>
/// MovieLens-100K with microsoft/recommenders' benchmark protocol (per-user 75/25 random split, top 10, every unseen
/// item ranked). Floors that catch regressions; the settings are fixed here, while `shoplens evaluate recs` chooses
/// them on a validation split of the training data (docs/recommendations.md has those numbers).
/// </summary>
[Trait("Issue", "6")]
public sealed class MovieLensRankingTests(ITestOutputHelper output)
{
    static readonly Func<Interactions, IRecommender> EaseSource = d => Ease.Fit(d, new EaseOptions { L2 = 300 });
    static readonly Func<Interactions, IRecommender> AlsSource = d => new AlsTrainer(new AlsOptions { Factors = 32, Regularization = 10 }).Fit(d);
    static readonly Func<Interactions, IRecommender> KnnSource = d => ItemKnn.Fit(d, new ItemKnnOptions { Neighbours = 200 });

    [Fact]
    public void Every_model_beats_popularity_and_the_hybrid_beats_its_sources()
    {
        var (train, test) = MovieLens100k.Split();
        RankingMetrics Judge(IRecommender model)
        {
            var m = RankingEvaluation.Evaluate(model, train, test, 10, 2);
            output.WriteLine($"{model.Name,-10} NDCG@10 {m.Ndcg:F4}  P@10 {m.Precision:F4}  R@10 {m.Recall:F4}  MAP {m.Map:F4}  coverage {m.Coverage:F3}");
            (model as IDisposable)?.Dispose();
            return m;
        }
        var popularity = Judge(new Popularity(train));
        var ease = Judge(EaseSource(train));
        var knn = Judge(KnnSource(train));
        var als = Judge(AlsSource(train));
        var hybrid = Judge(HybridRecommender.Fit(train, [EaseSource, AlsSource, KnnSource, d => new Popularity(d)], new HybridOptions()));

        Assert.InRange(popularity.Ndcg, 0.2, 0.3);
        // microsoft/recommenders' table: BiVAE 0.475, BPR 0.442, LightGCN 0.420, SAR 0.382.
        Assert.True(ease.Ndcg > 0.475, $"EASE {ease.Ndcg}");
        Assert.True(knn.Ndcg > 0.38, $"item-kNN {knn.Ndcg}");
        Assert.True(als.Ndcg > 0.46, $"ALS {als.Ndcg}");
        Assert.True(hybrid.Ndcg > ease.Ndcg && hybrid.Ndcg > knn.Ndcg && hybrid.Ndcg > als.Ndcg, $"hybrid {hybrid.Ndcg}");
        Assert.True(hybrid.Precision > ease.Precision && hybrid.Map > ease.Map);
    }

    [Fact]
    public void Bpr_is_in_the_published_range()
    {
        var (train, test) = MovieLens100k.Split();
        var bpr = new BprTrainer(new BprOptions { Factors = 128, Epochs = 100, LearningRate = 0.05 }).Fit(train);
        var m = RankingEvaluation.Evaluate(bpr, train, test, 10, 2);
        output.WriteLine($"bpr NDCG@10 {m.Ndcg:F4} P@10 {m.Precision:F4}");
        // recommenders' BPR (cornac) 0.442.
        Assert.InRange(m.Ndcg, 0.41, 0.47);
    }

    [Fact]
    public void The_search_picks_settings_on_the_training_data_alone()
    {
        var (train, _) = MovieLens100k.Split();
        var result = HyperparameterSearch.Choose(train,
            [new("popularity", d => new Popularity(d)), new("ease λ=300", EaseSource), new("ease λ=5", d => Ease.Fit(d, new EaseOptions { L2 = 5 }))], 10, seed: 7, threads: 2);
        foreach (var (label, ndcg) in result.Tried) output.WriteLine($"{label}: validation NDCG@10 {ndcg:F4}");
        Assert.Equal("ease λ=300", result.Best.Label);
        Assert.Equal(3, result.Tried.Count);
        Assert.True(result.Tried[1].Ndcg > result.Tried[2].Ndcg && result.Tried[2].Ndcg > result.Tried[0].Ndcg);
    }
}
