namespace ShopLens.Insight.Lifetime;

/// <summary>
/// One row of the literature's calibration-vs-holdout table (Fader, Hardie &amp; Lee 2005, fig. 4): customers with
/// <see cref="Frequency"/> repeat purchases in calibration (the last row gathers all from that number up), their mean
/// actual holdout purchases and a model's mean prediction.
/// </summary>
public sealed record FrequencyHoldoutRow(string Frequency, int Customers, double ActualMean, double PredictedMean)
{
    /// <summary>Rows for frequencies 0 … <paramref name="last"/> − 1 and "<paramref name="last"/>+".</summary>
    public static IReadOnlyList<FrequencyHoldoutRow> Compute(PurchaseHistories histories, double[] predictedPurchases, int last = 7)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(predictedPurchases);
        var actual = histories.HoldoutPurchases ?? throw new ArgumentException("the histories have no holdout period", nameof(histories));
        var rows = new List<FrequencyHoldoutRow>();
        for (var x = 0; x <= last; x++)
        {
            var members = Enumerable.Range(0, histories.Count)
                .Where(i => x == last ? histories.Frequency[i] >= last : histories.Frequency[i] == x).ToArray();
            if (members.Length == 0) continue;
            rows.Add(new FrequencyHoldoutRow(x == last ? $"{last}+" : x.ToString(System.Globalization.CultureInfo.InvariantCulture), members.Length,
                members.Average(i => actual[i]), members.Average(i => predictedPurchases[i])));
        }
        return rows;
    }
}
