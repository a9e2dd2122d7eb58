using System.Globalization;
using ShopLens.Core.Store;
using ShopLens.Insight.Features;
using ShopLens.Insight.Journeys;
using ShopLens.Insight.Recommendations;
using ShopLens.Insight.Sequences;

namespace ShopLens.Server.Live;

/// <summary>
/// What the batch side last produced, read from the store in one go and then never changed: the recommender, and per
/// customer their record, segments, lifecycle stage, scores and value forecasts. A reload builds a new snapshot and
/// swaps it in (<see cref="ShopState"/>), so requests never see a half-loaded model. A replaced snapshot is not
/// disposed, as a request may still be using it: its native parts (LightGBM's booster) are freed by their safe handles.
/// </summary>
public sealed class ShopSnapshot
{

    public required DateTime BuiltAt { get; init; }

    /// <summary>The last live sequence number whose event the store held when this snapshot was read.</summary>
    public required long Sequence { get; init; }

    public required IReadOnlyDictionary<string, CustomerFacts> Customers { get; init; }

    public required IReadOnlyDictionary<string, CustomerOutputs> Outputs { get; init; }

    /// <summary>Null while the store has no interactions (a server started on an empty store for ingest).</summary>
    ProductSimilarity? Similarity { get; init; }

    ProductContent? Content { get; init; }

    bool[] Available { get; init; } = [];

    /// <summary>The recommender with the shop's rules, or null when none has been trained.</summary>
    public ShopRecommender? Recommender { get; private init; }

    public string? RecommenderName { get; private init; }

    public DateTime? RecommenderTrainedAt { get; private init; }

    /// <summary>The saved sequence model, followed live per customer; null when none has been trained.</summary>
    public LiveSequences? Sequences { get; private init; }

    /// <summary>Reads everything from <paramref name="store"/>; the caller holds the store (<see cref="StoreGate"/>).</summary>
    /// <exception cref="KeyNotFoundException"><paramref name="recommender"/> names a recommender that was never trained</exception>
    public static ShopSnapshot Read(ShopStore store, string? recommender, long sequence)
    {
        ArgumentNullException.ThrowIfNull(store);
        var customers = new Dictionary<string, CustomerFacts>(StringComparer.Ordinal);
        var idOf = new Dictionary<int, string>();
        using (var r = store.Query("SELECT customer_key, customer_id, first_seen, region, channel, age_band FROM customers"))
            while (r.Read())
            {
                var id = r.GetString(1);
                idOf[Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture)] = id;
                customers[id] = new CustomerFacts(id, r.IsDBNull(2) ? null : r.GetDateTime(2), Text(r, 3), Text(r, 4), Text(r, 5));
            }
        var outputs = new Dictionary<string, CustomerOutputs>(StringComparer.Ordinal);
        CustomerOutputs Of(object key) =>
            idOf.TryGetValue(Convert.ToInt32(key, CultureInfo.InvariantCulture), out var id) ? outputs.TryGetValue(id, out var o) ? o : outputs[id] = new() : new();
        using (var r = store.Query("SELECT method, customer_key, segment FROM segments"))
            while (r.Read()) Of(r.GetValue(1)).Segments[r.GetString(0)] = r.GetString(2);
        using (var r = store.Query($"SELECT customer_key, stage FROM ({Lifecycle.Sql(null, new StageDefinitions())})"))
            while (r.Read()) Of(r.GetValue(0)).Stage = r.GetString(1);
        using (var r = store.Query($"""
            SELECT customer_key,
              count(*) FILTER (WHERE NOT returned AND NOT cancelled),
              CAST(coalesce(sum({Purchases.Money("revenue")}) FILTER (WHERE NOT returned AND NOT cancelled), 0) AS DOUBLE PRECISION),
              min(ts) FILTER (WHERE NOT returned AND NOT cancelled), max(ts) FILTER (WHERE NOT returned AND NOT cancelled),
              count(*) FILTER (WHERE returned)
            FROM ({Purchases.Sql(null)}) AS purchases GROUP BY customer_key
            """))
            while (r.Read())
                Of(r.GetValue(0)).Purchases = new PurchaseSummary(r.GetInt64(1), r.GetDouble(2),
                    r.IsDBNull(3) ? null : r.GetDateTime(3), r.IsDBNull(4) ? null : r.GetDateTime(4), r.GetInt64(5));
        using (var r = store.Query("SELECT task, customer_key, probability, decile FROM predictions"))
            while (r.Read()) Of(r.GetValue(1)).Scores[r.GetString(0)] = (r.GetDouble(2), Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture));
        using (var r = store.Query("SELECT model, customer_key, p_alive, expected_orders, expected_spend, clv, next_order FROM customer_value"))
            while (r.Read())
                Of(r.GetValue(1)).Values[r.GetString(0)] = new ValueForecast(Number(r, 2), Number(r, 3), r.GetDouble(4), r.GetDouble(5),
                    r.IsDBNull(6) ? null : r.GetDateTime(6));
        var names = SavedRecommenders.Names(store);
        if (recommender is not null && !names.Contains(recommender))
            throw new KeyNotFoundException($"no trained recommender '{recommender}': run `shoplens train recs --model {recommender}` first");
        var name = recommender ?? (names.Contains(RecommenderCatalog.Hybrid) ? RecommenderCatalog.Hybrid : names.FirstOrDefault());
        var saved = name is null ? null : Load(store, name);
        var log = InteractionLog.Load(store, new InteractionWeights());
        if (saved is not null) log = log.Reindex(saved.CustomerKeys, saved.ProductKeys);
        var facts = ProductFacts.Load(store, log.ProductKeys);
        var similarity = log.Rows > 0 ? ProductSimilarity.Fit(log, facts) : null;
        var content = ProductContent.TryLoad(store);
        var filters = new RecommendationFilters();
        return new ShopSnapshot
        {
            BuiltAt = DateTime.UtcNow, Sequence = sequence, Customers = customers, Outputs = outputs,
            Similarity = similarity, Content = content, Available = ShopRecommender.Available(facts, log, filters),
            Recommender = saved is null ? null : ShopRecommender.Build(store, saved.Model, saved.CustomerKeys.Length, log, similarity!, filters, content),
            RecommenderName = name, RecommenderTrainedAt = saved?.CreatedAt,
            Sequences = ShopSequenceModel.Saved(store) ? new LiveSequences(LoadSequenceModel(store)) : null,
        };
    }

    /// <summary>
    /// The products most like one: by the customers who interact with both, or — for a product nobody has touched
    /// yet — by what it is; null when the shop has no such product.
    /// </summary>
    public (string Method, IReadOnlyList<(string ProductId, string Title, double Similarity)> Similar)? SimilarTo(string productId, int k)
    {
        if (Similarity is not null && Similarity.Facts.Id.Contains(productId)) return ("behaviour", Similarity.Similar(productId, k, i => Available[i]));
        return Content is not null && Content.Id.Contains(productId) ? ("content", Content.Similar(productId, k)) : null;
    }

    static ShopSequenceModel LoadSequenceModel(ShopStore store)
    {
        try
        {
            return ShopSequenceModel.Load(store);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"the saved sequence model cannot be served ({e.Message}): refit it with `shoplens train sequence`", e);
        }
    }

    static SavedRecommenders.Saved Load(ShopStore store, string name)
    {
        try
        {
            return SavedRecommenders.Load(store, name);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"the saved recommender '{name}' cannot be served ({e.Message}): refit it with `shoplens train recs --model {name}`", e);
        }
    }

    static string? Text(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    static double? Number(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
}
