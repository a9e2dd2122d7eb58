using System.Globalization;
using ShopLens.Core.Store;
using ShopLens.Learning.Recommenders;

namespace ShopLens.Insight.Recommendations;

/// <summary>
/// Recommendations for one customer as a shop shows them: the model's ranking, then the shop's rules (nothing bought
/// already unless it is bought again and again, nothing no longer sold, a cap per category), each product with its
/// reason — the history item most like it ("because you bought X"), or, for a customer with no history, what is
/// popular with customers of their region.
/// </summary>
public sealed class ShopRecommender
{
    readonly IRecommender _model;
    readonly ProductSimilarity _similarity;
    readonly Interactions _all;
    readonly ProductFacts _facts;
    readonly RecommendationFilters _filters;
    readonly Dictionary<string, int> _customerIndex;
    readonly InteractionKind[] _strongest; // per entry of _all: the strongest act behind it
    readonly Dictionary<string, int[]> _popularByRegion;
    readonly Dictionary<string, string?> _regionOf;
    readonly bool[] _available;
    readonly int _knownUsers;
    readonly InteractionWeights _weights;
    readonly Dictionary<string, int> _itemOf;
    ProductContent? _content;
    int[] _contentOfItem = [];   // the model's item → its row in _content (−1: none)
    bool[] _unknownToModel = []; // per _content row: a product the model never saw

    ShopRecommender(IRecommender model, int knownUsers, ProductSimilarity similarity, InteractionLog log, RecommendationFilters filters,
        Dictionary<string, int> customerIndex, Dictionary<string, string?> regionOf, Dictionary<string, int[]> popularByRegion, InteractionWeights weights)
    {
        (_model, _knownUsers, _similarity, _facts, _filters, _customerIndex, _regionOf, _popularByRegion, _weights) =
            (model, knownUsers, similarity, similarity.Facts, filters, customerIndex, regionOf, popularByRegion, weights);
        _itemOf = _facts.Id.Select((id, i) => (id, i)).Where(p => p.id is not null).ToDictionary(p => p.id, p => p.i);
        _all = log.Matrix(_ => true);
        _strongest = new InteractionKind[_all.Count];
        for (var r = 0; r < log.Rows; r++)
        {
            var u = log.User[r];
            var at = _all.ItemsOf(u).BinarySearch(log.Item[r]);
            if (at >= 0 && log.Kind[r] > _strongest[_all.RowStart[u] + at]) _strongest[_all.RowStart[u] + at] = log.Kind[r];
        }
        _available = Available(_facts, log, filters);
    }

    /// <summary>Products someone touched within the filter's days before the log's end.</summary>
    public static bool[] Available(ProductFacts facts, InteractionLog log, RecommendationFilters filters)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(filters);
        var end = log.Rows == 0 ? DateTime.MinValue : log.Time[^1];
        return [.. facts.LastSeen.Select(t => filters.UnavailableAfterDays == 0 || t >= end.AddDays(-filters.UnavailableAfterDays))];
    }

    /// <summary>
    /// Wraps a model whose items are <paramref name="log"/>'s products in order and whose first
    /// <paramref name="knownUsers"/> users are the log's first customers (later ones are scored from their history
    /// alone); the explanations come from <paramref name="similarity"/>; <paramref name="weights"/> (the defaults when
    /// null) weigh recent acts as the log's were weighed.
    /// </summary>
    public static ShopRecommender Build(IShopStore store, IRecommender model, int knownUsers, InteractionLog log, ProductSimilarity similarity,
        RecommendationFilters filters, ProductContent? content = null, InteractionWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(filters);
        filters.Validate();
        if (model.Items != log.ProductKeys.Length)
            throw new ArgumentException($"the model ranks {model.Items} products, the interactions have {log.ProductKeys.Length}: it was fitted on other data");
        ArgumentNullException.ThrowIfNull(similarity);
        var keyToIndex = log.CustomerKeys.Select((key, u) => (key, u)).ToDictionary(p => p.key, p => p.u);
        var customerIndex = new Dictionary<string, int>();
        var regionOf = new Dictionary<string, string?>();
        using (var reader = store.Query("SELECT customer_key, customer_id, region FROM customers"))
            while (reader.Read())
            {
                var id = reader.GetString(1);
                regionOf[id] = reader.IsDBNull(2) ? null : reader.GetString(2);
                if (keyToIndex.TryGetValue(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), out var u)) customerIndex[id] = u;
            }
        // Popular by region: distinct customers per product among that region's customers, then overall ("").
        var users = new Dictionary<string, HashSet<(int User, int Item)>>();
        var regionOfUser = new string?[log.CustomerKeys.Length];
        foreach (var (id, u) in customerIndex) regionOfUser[u] = regionOf[id];
        for (var r = 0; r < log.Rows; r++)
            foreach (var region in new[] { regionOfUser[log.User[r]] ?? "", "" }.Distinct())
            {
                if (!users.TryGetValue(region, out var set)) users[region] = set = [];
                set.Add((log.User[r], log.Item[r]));
            }
        var popular = users.ToDictionary(e => e.Key, e => e.Value.GroupBy(p => p.Item).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).ToArray());
        var recommender = new ShopRecommender(model, knownUsers, similarity, log, filters, customerIndex, regionOf, popular, weights ?? new InteractionWeights()) { _content = content };
        if (content is not null)
        {
            // Once here rather than per request: which described product each model item is, and which are new.
            var row = content.Id.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
            var known = similarity.Facts.Id.ToHashSet();
            recommender._contentOfItem = [.. similarity.Facts.Id.Select(id => id is not null && row.TryGetValue(id, out var r) ? r : -1)];
            recommender._unknownToModel = [.. content.Id.Select(id => !known.Contains(id))];
        }
        return recommender;
    }

    /// <summary>
    /// Up to <paramref name="k"/> products for the customer, best first. <paramref name="recent"/> are acts that
    /// arrived after the recommender was built (a live server's events): they count in the history at once, and a
    /// customer the recommender has never seen is scored from them alone (fold-in).
    /// </summary>
    /// <exception cref="KeyNotFoundException">no customer with that id and no recent acts</exception>
    public IReadOnlyList<Recommendation> Recommend(string customerId, int k, IReadOnlyList<RecentInteraction>? recent = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var known = _customerIndex.TryGetValue(customerId, out var user);
        var history = History.Of(known ? user : -1, _all, _strongest, recent ?? [], _itemOf, _weights);
        if (history.Items.Length == 0)
        {
            if (!_regionOf.TryGetValue(customerId, out var region)) throw new KeyNotFoundException($"no customer '{customerId}' in the store");
            return ColdStart(region, k);
        }
        var items = history.Items;
        var scores = new float[_model.Items];
        _model.Score(known && user < _knownUsers ? user : -1, items, history.Weights, scores);
        var excluded = items.Where(i => Blocked(history, i)).ToArray();
        var ranked = TopItems.Select(scores, Math.Min(_model.Items, 20 * k), excluded);
        var top = Diverse(ranked.Where(i => _available[i]), k).ToArray();
        var like = _similarity.MostLike(items, top);
        var list = top.Select((i, n) => new Recommendation(_facts.Id[i], _facts.Title[i], scores[i], Reason(history, like[n]))).ToList();
        if (NewProduct(items) is { } fresh)
        {
            // One slot, third from the top, for the product the model cannot know yet; then the category cap again,
            // dropping the lowest of the new product's category if it is now over.
            list.Insert(Math.Min(2, list.Count), fresh.Recommendation with { Score = list.Count > 2 ? list[2].Score : 0 });
            var sameCategory = list.Select((r, at) => (r, at)).Where(p => CategoryOf(p.r.ProductId) == fresh.Category && fresh.Category.Length > 0).ToArray();
            if (_filters.MaxPerCategory > 0 && sameCategory.Length > _filters.MaxPerCategory) list.RemoveAt(sameCategory[^1].at);
            else if (list.Count > k) list.RemoveAt(list.Count - 1);
        }
        return list;
    }

    /// <summary>
    /// The product nobody has touched yet (so outside the model) most like the customer's history by what it is, with
    /// the history product it is most like; null when there is none or nothing is alike.
    /// </summary>
    (Recommendation Recommendation, string Category)? NewProduct(int[] items)
    {
        if (_content is null) return null;
        var history = items.Select(i => _contentOfItem[i]).Where(i => i >= 0).Order().ToArray();
        if (history.Length == 0) return null;
        var scores = new float[_content.Id.Length];
        _content.Similarity.Score(-1, history, [.. history.Select(_ => 1f)], scores);
        var best = -1;
        for (var i = 0; i < scores.Length; i++)
            if (scores[i] > 0 && _unknownToModel[i] && (best < 0 || scores[i] > scores[best])) best = i;
        if (best < 0) return null;
        var like = _content.Similarity.Similar(best, _content.Id.Length).Select(n => n.Item).FirstOrDefault(i => history.Contains(i), -1);
        var reason = like < 0 ? "new in the shop, like what you have looked at" : $"new in the shop, like {_content.Title[like]}";
        return (new Recommendation(_content.Id[best], _content.Title[best], scores[best], reason), _content.Category[best]);
    }

    /// <summary>A listed product's top-level category, from the model's facts or, for a new product, its description.</summary>
    string CategoryOf(string productId)
    {
        var i = Array.IndexOf(_facts.Id, productId);
        if (i >= 0) return _facts.Category[i];
        var c = _content is null ? -1 : Array.IndexOf(_content.Id, productId);
        return c < 0 ? "" : _content!.Category[c];
    }

    bool Blocked(History history, int item) =>
        _filters.ExcludeBought && !_facts.Repeatable[item] && history.KindOf(item) >= InteractionKind.Review;

    IEnumerable<int> Diverse(IEnumerable<int> ranked, int k)
    {
        var perCategory = new Dictionary<string, int>();
        var taken = 0;
        foreach (var i in ranked)
        {
            if (taken == k) yield break;
            var category = _facts.Category[i];
            perCategory.TryGetValue(category, out var count);
            if (_filters.MaxPerCategory > 0 && category.Length > 0 && count >= _filters.MaxPerCategory) continue;
            perCategory[category] = count + 1;
            taken++;
            yield return i;
        }
    }

    /// <summary>Names the history item <paramref name="best"/> most like a recommended product (−1: none) and what the customer did with it.</summary>
    string Reason(History history, int best)
    {
        if (best < 0) return "liked by customers with tastes like yours";
        var verb = history.KindOf(best) switch
        {
            InteractionKind.Purchase => "bought",
            InteractionKind.Review => "reviewed",
            InteractionKind.Cart => "put in your cart",
            InteractionKind.Favorite => "saved",
            _ => "viewed",
        };
        return $"because you {verb} {_facts.Title[best]}";
    }

    IReadOnlyList<Recommendation> ColdStart(string? region, int k)
    {
        var (list, reason) = region is not null && _popularByRegion.TryGetValue(region, out var inRegion)
            ? (inRegion, $"popular with customers in {region}") : (_popularByRegion.GetValueOrDefault("") ?? [], "popular with all customers");
        return [.. Diverse(list.Where(i => _available[i]), k).Select((i, rank) => new Recommendation(_facts.Id[i], _facts.Title[i], -rank, reason))];
    }
}
