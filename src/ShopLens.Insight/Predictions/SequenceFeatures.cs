using ShopLens.Core.Store;
using ShopLens.Insight.Sequences;
using ShopLens.Learning.Sequence;

namespace ShopLens.Insight.Predictions;

/// <summary>
/// The sequence Transformer as two columns of a prediction task: at a frame's cut-off, a model fitted on the events
/// strictly before it reads each customer's newest events before it and gives the chance that their next event is a
/// purchase and the chance of a purchase within the task's horizon. The model is fitted afresh for every cut-off
/// with one fixed recipe, so the backtest's frames, the final fit and any later scoring compute the columns the same
/// way, and nothing at or after a cut-off reaches its features. NaN for a customer without product events before it.
/// </summary>
public static class SequenceFeatures
{
    public static readonly IReadOnlyList<string> Columns = ["sequence_next_is_purchase", "sequence_purchase_intent"];

    /// <summary>Smaller and shorter than <c>shoplens train sequence</c>'s model: it is fitted once per cut-off.</summary>
    static SequenceOptions Recipe(int horizonDays, int threads) => new()
    {
        Dim = 32, Blocks = 2, Heads = 1, MaxLength = 50, Dropout = 0.2, Epochs = 8, IntentHorizonDays = horizonDays, Threads = threads, Seed = 1,
    };

    /// <summary><paramref name="frame"/> with <see cref="Columns"/> appended, from a model fitted on events before its cut-off.</summary>
    public static TaskFrame Append(IShopStore store, TaskFrame frame, int horizonDays, int threads, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(frame);
        var width = Columns.Count;
        var values = new float[frame.Rows * width];
        if (frame.Rows == 0) return frame.WithColumns(Columns, values);
        Array.Fill(values, float.NaN);
        var recipe = Recipe(horizonDays, threads);
        ShopSequences events;
        ShopSequenceModel fitted;
        try
        {
            events = ShopSequenceModel.Read(store, recipe, frame.CutOff);
            fitted = ShopSequenceModel.Fit(events, recipe, frame.CutOff, ct: ct);
        }
        catch (InsufficientDataException)
        {
            // Too early for sequences (no two events on products before the cut-off): the columns are missing, as for a new customer.
            return frame.WithColumns(Columns, values);
        }
        var sequenceOf = new Dictionary<int, int>(events.CustomerKeys.Count);
        for (var s = 0; s < events.CustomerKeys.Count; s++) sequenceOf[events.CustomerKeys[s]] = s;
        var (data, purchase) = (events.Sequences, events.PurchaseKind);
        Parallel.For(0, frame.Rows, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct }, row =>
        {
            if (!sequenceOf.TryGetValue(frame.Keys[row], out var s) || data.Length(s) == 0) return;
            var prediction = fitted.Model.Predict(data.ItemsOf(s), data.KindsOf(s), data.TimesOf(s));
            if (purchase is { } kind) values[row * width] = prediction.KindProbabilities[kind];
            if (prediction.Intent is { } intent) values[row * width + 1] = (float)intent;
        });
        return frame.WithColumns(Columns, values);
    }
}
