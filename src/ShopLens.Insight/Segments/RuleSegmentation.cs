using ShopLens.Core.Store;
using ShopLens.Insight.Features;
using ShopLens.Insight.Segments.Rules;

namespace ShopLens.Insight.Segments;

/// <summary>
/// Rule tags: every customer of the profile (<see cref="CustomerProfile"/>) as of the cut-off gets the tag of the
/// first rule whose condition holds, or the rule set's default tag; computed as one SQL <c>CASE</c> inside the store.
/// </summary>
public static class RuleSegmentation
{
    public const string Method = "rules";

    /// <summary>One row per profiled customer, ordered by <c>customer_id</c>: <c>customer_key</c>, <c>customer_id</c>, <c>segment</c>.</summary>
    public static string Sql(RuleSet rules, DateTime? asOf)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var cases = string.Concat(rules.Rules.Select(r => $"\n    WHEN {r.When.Sql} THEN {SqlLiteral.Text(r.Name)}"));
        return $"""
            SELECT customer_key, customer_id,
              CASE{cases}
                ELSE {SqlLiteral.Text(rules.DefaultTag)} END AS segment
            FROM ({CustomerProfile.Sql(asOf)}) AS profile
            ORDER BY customer_id
            """;
    }

    /// <summary>Tags the customers as of <paramref name="asOf"/>, saves the memberships (<see cref="SavedSegments"/>) and summarises them.</summary>
    public static Segmentation Run(ShopStore store, RuleSet rules, DateTime? asOf, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        SavedSegments.Replace(store, Method, asOf, $"SELECT customer_key, segment FROM ({Sql(rules, asOf)}) AS tagged", time);
        return SavedSegments.Summarize(store, Method, asOf,
            [.. rules.Rules.Select(r => new SegmentDefinition(r.Name, r.When.Text)), new SegmentDefinition(rules.DefaultTag, "no rule matched")]);
    }
}
