using System.Diagnostics;
using ShopLens.Core.Store;
using ShopLens.Learning.Recommenders;

namespace ShopLens.Insight.Recommendations;

/// <summary>
/// <c>shoplens evaluate recs</c>: the store's interactions split by a protocol, every named recommender fitted on the
/// training part (settings chosen on the training part too) and judged by full ranking on the held-out part.
/// </summary>
public static class RecommendationEvaluation
{
    public sealed record Options
    {
        public IReadOnlyList<string> Models { get; init; } = RecommenderCatalog.Standard;
        public SplitProtocol Protocol { get; init; } = SplitProtocol.PerUserRandom;
        public double TestFraction { get; init; } = 0.25;
        public int K { get; init; } = 10;
        public int Seed { get; init; } = 42;
        public int Threads { get; init; } = Environment.ProcessorCount;
        public InteractionWeights Weights { get; init; } = new();
    }

    /// <summary>
    /// One model's figures: the full-ranking metrics, the sampled protocol's (100 uniform negatives, a labelled extra
    /// for comparison with papers), the setting chosen, what the search saw, and the fit time.
    /// </summary>
    public sealed record ModelResult(string Model, RankingMetrics Metrics, SampledRankingEvaluation.Result Sampled, string Setting,
        IReadOnlyList<(string Label, double Ndcg)> Tried, double FitSeconds);

    public sealed record Result(SplitProtocol Protocol, int K, int Customers, int Products, int TrainInteractions, int TestUsers, int TestInteractions,
        IReadOnlyList<ModelResult> Models);

    /// <exception cref="ArgumentException">an unknown model, a bad option, or no interactions to split</exception>
    public static Result Run(IShopStore store, Options options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        if (options.K < 1) throw new ArgumentException($"--k must be at least 1 (got {options.K})");
        var unknown = options.Models.Where(m => !RecommenderCatalog.Names.Contains(m)).ToArray();
        if (unknown.Length > 0 || options.Models.Count == 0)
            throw new ArgumentException($"unknown recommender '{string.Join(", ", unknown)}'; use any of {string.Join(", ", RecommenderCatalog.Names)}");
        var log = InteractionLog.Load(store, options.Weights);
        if (log.Rows == 0) throw new ArgumentException("the store has no interactions of customers with products (events, order lines or reviews)");
        var (train, test, trainRows) = EvaluationSplit.Make(log, options.Protocol, options.TestFraction, options.Seed);
        var acts = ActSources.For(log, trainRows, options.Seed, options.Threads);
        if (test.Count == 0) throw new ArgumentException($"the {options.Protocol} split held nothing out: too few interactions per customer");
        var side = ProductFacts.Load(store, log.ProductKeys).SideInformation();
        var results = new List<ModelResult>();
        foreach (var name in options.Models.Distinct())
        {
            ct.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var fitted = RecommenderCatalog.Fit(name, train, options.K, options.Seed, options.Threads, side, acts, ct);
            var seconds = clock.Elapsed.TotalSeconds;
            try
            {
                results.Add(new ModelResult(name, RankingEvaluation.Evaluate(fitted.Model, train, test, options.K, options.Threads, ct),
                    SampledRankingEvaluation.Evaluate(fitted.Model, train, test, options.K, 100, options.Seed, ct), fitted.Setting, fitted.Tried, seconds));
            }
            finally
            {
                (fitted.Model as IDisposable)?.Dispose();
            }
        }
        var testUsers = Enumerable.Range(0, test.Users).Count(u => test.RowStart[u + 1] > test.RowStart[u]);
        return new Result(options.Protocol, options.K, log.CustomerKeys.Length, log.ProductKeys.Length, train.Count, testUsers, test.Count, results);
    }
}
