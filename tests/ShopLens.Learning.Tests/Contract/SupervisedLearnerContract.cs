using ShopLens.Learning.Supervised;

namespace ShopLens.Learning.Tests.Contract;

/// <summary>
/// The contract every supervised learner's tests inherit (as benfred/implicit's <c>RecommenderBaseTestMixin</c> and
/// scikit-learn's <c>check_estimator</c>): same seed ⇒ same bytes, a byte-stable save/load, typed errors on bad input,
/// refitting changes nothing, cancellation honoured, finite predictions. A learner's test class says how to make its
/// trainer for a seed, how a trainer fits and how its model loads; <typeparamref name="TTrainer"/> is the trainer type.
/// </summary>
public abstract class SupervisedLearnerContract<TTrainer>
{
    /// <summary>The learner's trainer with the options under test and this seed.</summary>
    protected abstract TTrainer CreateTrainer(int seed);

    /// <summary>Fits <paramref name="trainer"/> to <paramref name="data"/>.</summary>
    protected abstract ISupervisedModel Fit(TTrainer trainer, LabeledRows data, CancellationToken cancellationToken);

    /// <summary>Reads a model the learner saved.</summary>
    protected abstract ISupervisedModel Load(Stream stream);

    /// <summary>True when predictions are probabilities of class 1, so they must lie in [0, 1].</summary>
    protected virtual bool IsBinaryClassifier => false;

    /// <summary>True when NaN features mean "missing" to the learner; false when they are refused.</summary>
    protected virtual bool AcceptsMissing => false;

    protected ISupervisedModel Fit(LabeledRows data, int seed) => Fit(CreateTrainer(seed), data, CancellationToken.None);

    static LabeledRows Training => ContractData.Binary();

    static float[] Fresh => ContractData.Binary(rows: 500, seed: 99).Features;

    [Fact]
    public void Same_seed_gives_the_same_bytes_and_predictions()
    {
        var first = Fit(Training, seed: 3);
        var second = Fit(Training, seed: 3);

        Assert.Equal(Bytes(first), Bytes(second));
        Assert.Equal(first.Predict(Fresh), second.Predict(Fresh));
    }

    [Fact]
    public void Save_and_load_round_trip_gives_identical_predictions_and_bytes()
    {
        var model = Fit(Training, seed: 1);
        var bytes = Bytes(model);
        var loaded = Load(new MemoryStream(bytes));

        Assert.Equal(model.Columns, loaded.Columns);
        Assert.Equal(Bits(model.Predict(Fresh)), Bits(loaded.Predict(Fresh)));
        Assert.Equal(bytes, Bytes(loaded));
    }

    [Fact]
    public void Fitting_twice_on_one_trainer_equals_fitting_once()
    {
        var trainer = CreateTrainer(seed: 2);
        var once = Bytes(Fit(trainer, Training, CancellationToken.None));

        Assert.Equal(once, Bytes(Fit(trainer, Training, CancellationToken.None)));
        Assert.Equal(once, Bytes(Fit(Training, seed: 2)));
    }

    [Fact]
    public void Empty_input_is_a_learner_input_error()
    {
        Assert.Throws<LearnerInputException>(() => Fit(new LabeledRows([], ContractData.Columns, []), seed: 1));
    }

    [Fact]
    public void A_NaN_label_is_a_learner_input_error()
    {
        var data = Training;
        var labels = (float[])data.Labels.Clone();
        labels[17] = float.NaN;
        Assert.Throws<LearnerInputException>(() => Fit(data with { Labels = labels }, seed: 1));
    }

    [Fact]
    public void Predicting_with_the_wrong_column_count_is_a_learner_input_error()
    {
        var model = Fit(Training, seed: 1);
        Assert.True(model.Columns > 1, "the contract data has several columns");

        Assert.Throws<LearnerInputException>(() => model.Predict(new float[model.Columns + 1]));
        Assert.Throws<LearnerInputException>(() => model.Predict([]));
    }

    [Fact]
    public void A_cancelled_token_throws_OperationCanceledException()
    {
        Assert.ThrowsAny<OperationCanceledException>(() => Fit(CreateTrainer(seed: 1), Training, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Predictions_are_finite_and_probabilities_for_a_binary_classifier()
    {
        var predictions = Fit(Training, seed: 1).Predict(Fresh);

        Assert.Equal(Fresh.Length / ContractData.Columns, predictions.Length);
        Assert.All(predictions, p => Assert.True(double.IsFinite(p), $"prediction {p}"));
        if (IsBinaryClassifier) Assert.All(predictions, p => Assert.InRange(p, 0.0, 1.0));
    }

    [Fact]
    public void Missing_features_are_accepted_with_finite_predictions_or_refused_as_the_learner_says()
    {
        var missing = ContractData.WithMissing(Training);
        var fresh = ContractData.WithMissing(ContractData.Binary(rows: 500, seed: 99), every: 5).Features;
        if (!AcceptsMissing)
        {
            Assert.Throws<LearnerInputException>(() => Fit(missing, seed: 1));
            Assert.Throws<LearnerInputException>(() => Fit(Training, seed: 1).Predict(fresh));
            return;
        }
        var predictions = Fit(missing, seed: 1).Predict(fresh);
        Assert.All(predictions, p => Assert.True(double.IsFinite(p), $"prediction {p}"));
    }

    protected static byte[] Bytes(ISupervisedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    static long[] Bits(double[] values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];
}
