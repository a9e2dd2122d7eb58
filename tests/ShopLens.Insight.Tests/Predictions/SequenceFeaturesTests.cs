using ShopLens.Core.Store;
using ShopLens.Core.Synthetic;
using ShopLens.Insight.Predictions;
using Xunit.Abstractions;

namespace ShopLens.Insight.Tests.Predictions;

/// <summary>The sequence Transformer's columns in a prediction task: computed from before the cut-off only, saved with the scorer, recomputed to score.</summary>
[Trait("Issue", "8")]
public sealed class SequenceFeaturesTests(ITestOutputHelper output)
{
    static readonly PredictionTask Propensity28 = PredictionShop.Propensity14 with { HorizonDays = 28 };

    static TestStore SmallShop()
    {
        var small = new TestStore();
        small.WithSyntheticShop(new ShopSimulatorOptions { Customers = 300, Days = 120, Seed = 3 });
        return small;
    }

    [Fact]
    public void The_columns_at_a_cut_off_do_not_change_when_everything_after_it_is_deleted()
    {
        using var small = SmallShop();
        var store = small.Store;
        var cut = TaskFrame.DataEnd(store).AddDays(-40);
        var frame = TaskFrame.Load(store, Propensity28, cut, withLabels: false);

        var before = SequenceFeatures.Append(store, frame, 28, threads: 1, CancellationToken.None);
        store.Execute($"DELETE FROM events WHERE ts >= {SqlLiteral.Timestamp(cut)}");
        var after = SequenceFeatures.Append(store, frame, 28, threads: 1, CancellationToken.None);

        Assert.Equal([.. TaskFrame.FeatureColumns, .. SequenceFeatures.Columns], before.Columns);
        Assert.Equal(before.Features, after.Features);
        var width = before.Width;
        var known = Enumerable.Range(0, frame.Rows).Where(i => float.IsFinite(before.Features[i * width + width - 1])).ToArray();
        output.WriteLine($"{known.Length} of {frame.Rows} customers have sequence columns at {cut:yyyy-MM-dd}");
        Assert.True(known.Length > frame.Rows / 2, $"only {known.Length} of {frame.Rows} customers got the columns");
        Assert.All(known, i =>
        {
            Assert.InRange(before.Features[i * width + width - 2], 0f, 1f);
            Assert.InRange(before.Features[i * width + width - 1], 0f, 1f);
        });
        // The profile's columns are the frame's, untouched.
        for (var i = 0; i < frame.Rows; i++)
            Assert.Equal(frame.Features.AsSpan(i * frame.Width, frame.Width).ToArray(), before.Features.AsSpan(i * width, frame.Width).ToArray());
    }

    [Fact]
    public void A_model_trained_with_them_saves_and_scores_with_them()
    {
        using var small = SmallShop();
        var store = small.Store;
        var trained = PredictionTraining.Train(store, Propensity28,
            new TrainingOptions { Threads = 2, SequenceFeatures = true, BootstrapModels = 2, BootstrapResamples = 20 });
        Assert.True(trained.Scorer.UsesSequenceFeatures);
        output.WriteLine($"test AUC {trained.Card.Test.Auc:F4}; top features {string.Join(", ", trained.Card.TopFeatures.Select(f => f.Feature))}");

        SavedModels.Save(store, trained);
        var (_, scorer) = SavedModels.Load(store, Propensity28.Name);
        Assert.Equal(trained.Scorer.Columns, scorer.Columns);
        // Scoring recomputes the columns as training did (a fit on events before the moment): the same probabilities.
        var scored = CustomerPredictions.Score(store, Propensity28, null, null, top: 1000);
        var idOf = new Dictionary<int, string>();
        using (var ids = store.Query("SELECT customer_key, customer_id FROM customers"))
            while (ids.Read()) idOf[ids.GetInt32(0)] = ids.GetString(1);
        var expected = trained.CustomerKeys.Select((k, i) => (Id: idOf[k], P: trained.Probabilities[i])).ToDictionary(x => x.Id, x => x.P);
        Assert.Equal(expected.Count, scored.Count);
        Assert.All(scored, p => Assert.Equal(expected[p.CustomerId], p.Probability, 12));
    }
}
