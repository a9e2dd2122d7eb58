using ShopLens.Core.Store;
using ShopLens.Learning.Recommenders;

namespace ShopLens.Insight.Recommendations;

/// <summary>
/// Fitting a recommender on every interaction in the store, in three steps so that a server holds the store only to
/// read and to save, not while fitting: <see cref="Read"/>, <see cref="Fit"/>, then <see cref="SavedRecommenders.Save"/>.
/// </summary>
public static class RecommenderTraining
{
    /// <summary>What a fit needs from the store: every interaction, and the products' categories and prices.</summary>
    public sealed record Data(InteractionLog Log, ItemSideInformation? Side);

    /// <exception cref="ArgumentException">the store has no interactions</exception>
    public static Data Read(IShopStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var log = InteractionLog.Load(store, new InteractionWeights());
        if (log.Rows == 0) throw new ArgumentException("the store has no interactions of customers with products (events, order lines or reviews)");
        return new Data(log, ProductFacts.Load(store, log.ProductKeys).SideInformation());
    }

    /// <summary>Fits <paramref name="name"/> (<see cref="RecommenderCatalog.Names"/>), its setting chosen on a validation split.</summary>
    public static RecommenderCatalog.Fitted Fit(Data data, string name, int seed, int threads, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var acts = ActSources.For(data.Log, [.. Enumerable.Repeat(true, data.Log.Rows)], seed, threads);
        return RecommenderCatalog.Fit(name, data.Log.Matrix(_ => true), 10, seed, threads, data.Side, acts, ct);
    }

    /// <summary>Saves a fit of <paramref name="data"/> under <paramref name="name"/>, replacing the previous one.</summary>
    public static void Save(ShopStore store, string name, Data data, RecommenderCatalog.Fitted fitted)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fitted);
        SavedRecommenders.Save(store, name, fitted.Model, data.Log.CustomerKeys, data.Log.ProductKeys, fitted.Setting);
    }
}
