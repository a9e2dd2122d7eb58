using ShopLens.Core.Store;
using ShopLens.Insight.Features;
using ShopLens.Insight.Predictions;

namespace ShopLens.Insight.Lifetime;

/// <summary>
/// Rows for machine-learned customer value at one cut-off: every customer with a kept order before it (the BTYD
/// models' population), the numeric profile columns from before it (<see cref="TaskFrame.FeatureColumns"/>), and —
/// when asked — the kept spend in the horizon that starts at the cut-off.
/// </summary>
public sealed class ValueFrame
{
    public required DateTime CutOff { get; init; }
    public required int[] Keys { get; init; }

    /// <summary>Rows × <see cref="TaskFrame.FeatureColumns"/>, row-major; NaN where a profile column is undefined.</summary>
    public required float[] Features { get; init; }

    /// <summary>Kept spend in [cut-off, cut-off + horizon); null when not asked.</summary>
    public float[]? Spend { get; init; }

    public int Rows => Keys.Length;

    public static ValueFrame Load(IShopStore store, DateTime cutOff, int? horizonDays)
    {
        ArgumentNullException.ThrowIfNull(store);
        var columns = string.Join(", ", TaskFrame.FeatureColumns.Select(c => "p." + c));
        var spend = horizonDays is not null ? $", CAST(coalesce(s.spend, 0) AS DOUBLE PRECISION) AS spend" : "";
        var join = horizonDays is { } days ? $"""
            LEFT JOIN ({Purchases.KeptSpendSql(cutOff, cutOff.AddDays(days))}) s ON s.customer_key = p.customer_key
            """ : "";
        var sql = $"""
            SELECT p.customer_key, {columns}{spend}
            FROM ({CustomerProfile.Sql(cutOff)}) AS p
            {join}
            WHERE p.orders > 0
            ORDER BY p.customer_key
            """;
        var (keys, features, labels) = ProfileRows.Load(store, sql, TaskFrame.FeatureColumns.Count, horizonDays is not null);
        return new ValueFrame { CutOff = cutOff, Keys = keys, Features = features, Spend = labels };
    }
}
