using System.Globalization;
using ShopLens.Core.Store;

namespace ShopLens.Insight.Predictions;

/// <summary>
/// Scores of a saved task's model for the customers of its population now (or at a given moment), each with its
/// decile and the profile columns that push it up and down the most.
/// </summary>
public static class CustomerPredictions
{
    /// <summary>
    /// Scores everyone in the task's population at <paramref name="asOf"/> (default: the end of the data) and returns
    /// either the one customer asked for or the <paramref name="top"/> most likely, with <paramref name="reasons"/>
    /// reasons each way.
    /// </summary>
    /// <exception cref="KeyNotFoundException">no model for the task, or the customer is unknown or outside the population</exception>
    public static IReadOnlyList<CustomerPrediction> Score(IShopStore store, PredictionTask task, DateTime? asOf, string? customerId,
        int top = 20, int reasons = 3)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(task);
        var (card, scorer) = SavedModels.Load(store, task.Name);
        var cut = asOf ?? TaskFrame.DefaultScoreTime(store);
        var frame = TaskFrame.Load(store, task with { LookBackDays = card.LookBackDays }, cut, withLabels: false);
        if (frame.Rows == 0)
            return customerId is null ? [] : throw new KeyNotFoundException($"nobody is in the population of {task.Name} at {cut:yyyy-MM-dd}: {card.Population}");
        // A model trained with the sequence model's columns gets them computed as in training: a fit on events before the moment.
        if (scorer.UsesSequenceFeatures) frame = SequenceFeatures.Append(store, frame, card.HorizonDays, Environment.ProcessorCount, default);
        var probabilities = scorer.Probabilities(frame.Features);
        var deciles = Deciles.Of(probabilities);
        int[] rows;
        if (customerId is not null)
        {
            if (store.Scalar<object?>($"SELECT customer_key FROM customers WHERE customer_id = {SqlLiteral.Text(customerId)}") is not int key)
                throw new KeyNotFoundException($"no customer '{customerId}' in the store");
            var row = Array.BinarySearch(frame.Keys, key);
            if (row < 0) throw new KeyNotFoundException($"customer '{customerId}' is not in the population of {task.Name} at {cut:yyyy-MM-dd}: {card.Population}");
            rows = [row];
        }
        else rows = [.. Enumerable.Range(0, frame.Rows).OrderByDescending(i => probabilities[i]).ThenBy(i => frame.Keys[i]).Take(top)];

        var width = frame.Width;
        var chosen = new float[rows.Length * width];
        for (var r = 0; r < rows.Length; r++) frame.Features.AsSpan(rows[r] * width, width).CopyTo(chosen.AsSpan(r * width));
        var contributions = rows.Length == 0 ? [] : scorer.Contributions(chosen);
        var ids = CustomerIds(store, rows.Select(r => frame.Keys[r]));
        var result = new List<CustomerPrediction>(rows.Length);
        for (var r = 0; r < rows.Length; r++)
        {
            var terms = Enumerable.Range(0, width).Select(j => new Reason(frame.Columns[j],
                Value(chosen[r * width + j]), contributions[r * (width + 1) + j])).ToArray();
            result.Add(new CustomerPrediction(ids[frame.Keys[rows[r]]], probabilities[rows[r]], deciles[rows[r]],
                [.. terms.Where(t => t.LogOdds > 0).OrderByDescending(t => t.LogOdds).Take(reasons)],
                [.. terms.Where(t => t.LogOdds < 0).OrderBy(t => t.LogOdds).Take(reasons)]));
        }
        return result;
    }

    static double? Value(float v) => float.IsNaN(v) ? null : v;

    static Dictionary<int, string> CustomerIds(IShopStore store, IEnumerable<int> keys)
    {
        var list = string.Join(", ", keys.Select(k => k.ToString(CultureInfo.InvariantCulture)));
        var ids = new Dictionary<int, string>();
        if (list.Length == 0) return ids;
        using var reader = store.Query($"SELECT customer_key, customer_id FROM customers WHERE customer_key IN ({list})");
        while (reader.Read()) ids[reader.GetInt32(0)] = reader.GetString(1);
        return ids;
    }
}
