namespace ShopLens.Learning.Calibration;

/// <summary>
/// The pool-adjacent-violators algorithm (Ayer et al. 1955): the non-decreasing sequence closest to y in weighted
/// least squares, each pooled block taking its weighted mean. Single pass with backtracking, O(n), as scikit-learn's
/// <c>_inplace_contiguous_isotonic_regression</c>, so the results match it to the last bit.
/// </summary>
static class PoolAdjacentViolators
{
    /// <summary>Replaces <paramref name="y"/> by its isotonic fit under weights <paramref name="w"/> (&gt; 0; overwritten).</summary>
    internal static void Fit(Span<double> y, Span<double> w)
    {
        var n = y.Length;
        // Blocks: if [i..j] is an active block, last[i] = j and last[j] = i; y[i] and w[i] are its mean and weight.
        var last = new int[n];
        for (var i = 0; i < n; i++) last[i] = i;
        for (var i = 0; i < n;)
        {
            var k = last[i] + 1;
            if (k == n) break;
            if (y[i] < y[k])
            {
                i = k;
                continue;
            }
            // Pool the next blocks while they do not increase, then backtrack one block: the pooled mean may now
            // violate the order with the block before.
            double sumWy = w[i] * y[i], sumW = w[i];
            while (true)
            {
                var previous = y[k];
                sumWy += w[k] * y[k];
                sumW += w[k];
                k = last[k] + 1;
                if (k == n || previous < y[k])
                {
                    y[i] = sumWy / sumW;
                    w[i] = sumW;
                    last[i] = k - 1;
                    last[k - 1] = i;
                    if (i > 0) i = last[i - 1];
                    break;
                }
            }
        }
        for (var i = 0; i < n;)
        {
            var k = last[i] + 1;
            y[(i + 1)..k].Fill(y[i]);
            i = k;
        }
    }
}
