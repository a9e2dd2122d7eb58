using ShopLens.Core.Store;
using ShopLens.Core.Store.Arrays;

namespace ShopLens.Insight.Features;

/// <summary>
/// Reads a query of <c>customer_key</c>, the numeric profile columns and optionally one target column last, through
/// the store's <see cref="FeatureMatrix"/> (NULL → NaN), and splits the target off.
/// </summary>
static class ProfileRows
{
    public static (int[] Keys, float[] Features, float[]? Target) Load(IShopStore store, string sql, int width, bool withTarget)
    {
        var matrix = FeatureMatrix.Load(store, sql);
        if (!withTarget) return (matrix.Keys, matrix.Values, null);
        var rows = matrix.Rows;
        var features = new float[rows * width];
        var target = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            matrix.Values.AsSpan(i * (width + 1), width).CopyTo(features.AsSpan(i * width));
            target[i] = matrix.Values[i * (width + 1) + width];
        }
        return (matrix.Keys, features, target);
    }
}
