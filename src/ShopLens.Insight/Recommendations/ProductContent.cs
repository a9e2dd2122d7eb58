using System.Globalization;
using System.Text;
using ShopLens.Core.Store;
using ShopLens.Learning.Recommenders;

namespace ShopLens.Insight.Recommendations;

/// <summary>
/// What each product is, as features for content similarity (cold start: a product nobody has touched yet): every
/// level of its category path, its brand, its price band (a factor-of-two bucket) and the words of its title —
/// English words lower-cased, Chinese as character pairs, since Chinese titles have no spaces.
/// </summary>
public sealed class ProductContent
{
    public required string[] Id { get; init; }
    public required string[] Title { get; init; }

    /// <summary>Top-level category, "" where none.</summary>
    public required string[] Category { get; init; }
    public required ContentSimilarity Similarity { get; init; }

    /// <summary>Reads every product's content from the store.</summary>
    /// <exception cref="ArgumentException">no product has anything to compare by</exception>
    public static ProductContent Load(IShopStore store) =>
        TryLoad(store) ?? throw new ArgumentException("no product has a title, category, brand or price to compare by");

    /// <summary>As <see cref="Load"/>, or null when no product has anything to compare by (a store with no catalogue yet).</summary>
    public static ProductContent? TryLoad(IShopStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var features = new Dictionary<string, int>();
        List<string> ids = [], titles = [], categories = [];
        List<int> items = [], columns = [];
        using (var reader = store.Query("SELECT product_id, title, category, brand, price FROM products ORDER BY product_key"))
            while (reader.Read())
            {
                var item = ids.Count;
                ids.Add(reader.GetString(0));
                var title = reader.IsDBNull(1) ? "" : reader.GetString(1);
                titles.Add(title.Length > 0 ? title : ids[^1]);
                categories.Add(reader.IsDBNull(2) ? "" : reader.GetString(2).Split('>')[0].Trim());
                foreach (var feature in Features(title, reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                             reader.IsDBNull(4) ? null : Convert.ToDouble(reader.GetValue(4), CultureInfo.InvariantCulture)))
                {
                    if (!features.TryGetValue(feature, out var column)) features[feature] = column = features.Count;
                    items.Add(item);
                    columns.Add(column);
                }
            }
        if (items.Count == 0) return null;
        var content = ContentFeatures.FromTriples(ids.Count, features.Count, [.. items], [.. columns], [.. items.Select(_ => 1f)]);
        return new ProductContent { Id = [.. ids], Title = [.. titles], Category = [.. categories], Similarity = ContentSimilarity.Fit(content, new ContentOptions()) };
    }

    static IEnumerable<string> Features(string title, string? category, string? brand, double? price)
    {
        if (category is not null)
        {
            var path = "";
            foreach (var level in category.Split('>', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                yield return "category:" + (path = path.Length == 0 ? level : path + ">" + level);
        }
        if (!string.IsNullOrWhiteSpace(brand)) yield return "brand:" + brand.Trim().ToLowerInvariant();
        if (price is > 0) yield return "price:" + Math.Floor(Math.Log2(price.Value)).ToString(CultureInfo.InvariantCulture);
        foreach (var word in Words(title)) yield return "word:" + word;
    }

    /// <summary>Lower-cased runs of letters or digits; runs of CJK characters as overlapping pairs (single characters alone).</summary>
    static IEnumerable<string> Words(string text)
    {
        var run = new StringBuilder();
        var cjk = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKC) + " ")
        {
            var isCjk = c is >= '\u4e00' and <= '\u9fff';
            if (char.IsLetterOrDigit(c) && (run.Length == 0 || isCjk == cjk))
            {
                run.Append(char.ToLowerInvariant(c));
                cjk = isCjk;
                continue;
            }
            foreach (var word in Flush(run, cjk)) yield return word;
            if (char.IsLetterOrDigit(c))
            {
                run.Append(char.ToLowerInvariant(c));
                cjk = isCjk;
            }
        }
    }

    static IEnumerable<string> Flush(StringBuilder run, bool cjk)
    {
        var text = run.ToString();
        run.Clear();
        if (text.Length == 0) return [];
        if (!cjk || text.Length == 1) return [text];
        return Enumerable.Range(0, text.Length - 1).Select(i => text.Substring(i, 2));
    }

    /// <summary>The products most like <paramref name="productId"/> by what they are.</summary>
    /// <exception cref="KeyNotFoundException">no such product</exception>
    public IReadOnlyList<(string ProductId, string Title, double Similarity)> Similar(string productId, int k)
    {
        var item = Array.IndexOf(Id, productId);
        if (item < 0) throw new KeyNotFoundException($"no product '{productId}' in the store");
        return [.. Similarity.Similar(item, k).Select(s => (Id[s.Item], Title[s.Item], (double)s.Similarity))];
    }
}
