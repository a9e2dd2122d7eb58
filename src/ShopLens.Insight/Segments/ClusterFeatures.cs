using System.Text.RegularExpressions;
using ShopLens.Insight.Features;

namespace ShopLens.Insight.Segments;

/// <summary>
/// Which profile columns clustering uses and how: counts, money and tenure are taken as log(1 + x), since they are
/// heavy-tailed and a customer with 200 orders is not 100 times one with 2; days since the last visit, rates and shares
/// are taken as they are. A NULL (a rate with nothing to divide by, the basket of a customer who never bought) is set to
/// the mean of the customers who have a value, so that it pulls towards no cluster. Also the words that describe a
/// cluster high or low on each column.
/// </summary>
public static partial class ClusterFeatures
{
    /// <summary>
    /// The default features: how long a customer has been one (tenure), how long since the last visit, how often they
    /// buy, how readily a view becomes a cart, how long their sessions are, and how much they buy on discount.
    /// </summary>
    public static readonly IReadOnlyList<string> Default =
        ["tenure_days", "last_active_days", "orders", "view_to_cart", "events_per_session", "discount_share"];

    /// <summary>The columns a cluster is described by, besides the ones it was clustered on.</summary>
    public static readonly IReadOnlyList<string> Described =
    [
        "tenure_days", "last_active_days", "orders", "monetary", "avg_order_value", "sessions", "events_per_session",
        "view_to_cart", "cart_to_purchase", "discount_share", "price_percentile", "distinct_categories", "returns", "reviews",
    ];

    /// <summary>Every numeric column of <see cref="CustomerProfile"/> but the key: what clustering accepts.</summary>
    public static readonly IReadOnlyList<string> Available =
        [.. CustomerProfile.Columns.Where(c => c != "customer_key" && !CustomerProfile.NonNumericColumns.Contains(c))];

    static readonly HashSet<string> Logged = new(StringComparer.Ordinal)
    {
        "tenure_days", "orders", "monetary", "avg_order_value", "returns", "cancellations", "distinct_products",
        "distinct_categories", "distinct_brands", "events", "sessions", "reviews",
    };

    static readonly Dictionary<string, (string High, string Low)> Words = new(StringComparer.Ordinal)
    {
        ["tenure_days"] = ("long-standing", "new"),
        ["last_active_days"] = ("lapsed", "recently active"),
        ["recency_days"] = ("long since the last order", "ordered recently"),
        ["orders"] = ("frequent buyers", "rarely buy"),
        ["monetary"] = ("high spend", "low spend"),
        ["avg_order_value"] = ("large baskets", "small baskets"),
        ["avg_days_between_orders"] = ("long gaps between orders", "short gaps between orders"),
        ["sessions"] = ("frequent visitors", "rare visitors"),
        ["events"] = ("very active", "little activity"),
        ["events_per_session"] = ("long browsing sessions", "short focused sessions"),
        ["view_to_cart"] = ("cart readily", "browse without carting"),
        ["cart_to_purchase"] = ("complete checkouts", "abandon carts"),
        ["discount_share"] = ("discount-driven", "pay full price"),
        ["price_percentile"] = ("premium products", "cheap products"),
        ["distinct_products"] = ("many products", "few products"),
        ["distinct_categories"] = ("broad tastes", "narrow tastes"),
        ["returns"] = ("return often", "rarely return"),
        ["cancellations"] = ("cancel often", "rarely cancel"),
        ["reviews"] = ("write reviews", "rarely review"),
        ["mean_rating"] = ("rate highly", "rate low"),
        ["weekend_share"] = ("weekend shoppers", "weekday shoppers"),
        ["top_category_share"] = ("stick to one category", "spread over categories"),
        ["top_brand_share"] = ("brand-loyal", "brand-agnostic"),
    };

    /// <summary>Whether clustering takes the column as log(1 + x) (counts, money, tenure) rather than as it is.</summary>
    public static bool IsLogScaled(string column) => Logged.Contains(column) || column.StartsWith("n_", StringComparison.Ordinal);

    /// <summary>The value clustering uses for a raw profile value (NaN stays NaN: the caller fills it).</summary>
    public static double Transform(string column, double value) => IsLogScaled(column) ? Math.Log(1 + Math.Max(0, value)) : value;

    /// <summary>A transformed value back in the column's units.</summary>
    public static double Untransform(string column, double value) => IsLogScaled(column) ? Math.Exp(value) - 1 : value;

    /// <summary>The phrase for a cluster well above (or below) the average on <paramref name="column"/>.</summary>
    public static string Describe(string column, bool high)
    {
        if (Words.TryGetValue(column, out var words)) return high ? words.High : words.Low;
        var count = EventCount().Match(column);
        if (!count.Success) return $"{(high ? "high" : "low")} {column.Replace('_', ' ')}";
        var window = count.Groups[2].Success ? $" in the last {count.Groups[2].Value} days" : "";
        return $"{(high ? "many" : "few")} {count.Groups[1].Value.Replace('_', ' ')} events{window}";
    }

    [GeneratedRegex(@"^n_([a-z_]+?)(?:_(\d+)d)?$", RegexOptions.CultureInvariant)]
    private static partial Regex EventCount();
}
