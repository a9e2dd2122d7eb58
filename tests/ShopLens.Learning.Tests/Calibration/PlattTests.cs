using ShopLens.Learning.Calibration;

namespace ShopLens.Learning.Tests.Calibration;

/// <summary>
/// Platt scaling against a direct minimisation of the same smoothed loss and against scikit-learn, and the learner
/// contract. The reference is scipy 1.10.1's <c>minimize(loss, [0, ln((N₋ + 1)/(N₊ + 1))], jac=grad, method="BFGS",
/// options={"gtol": 1e-12})</c>, which agrees with Newton's method run until the gradient is 1e-15 to about 1e-15.
/// With the paper's stopping rule (|gradient| &lt; 1e-5) the fit is within about 1e-7 of it, as close as scikit-learn
/// 1.2.1's <c>_sigmoid_calibration</c> (BFGS to its default gtol 1e-5); with a tolerance of 1e-12, within 1e-12.
/// </summary>
public sealed class PlattTests
{
    static readonly double[] Scores16 = [2.1, 1.3, 1.3, 0.9, 0.9, 0.4, 0.2, -0.3, -0.3, -0.3, -0.8, -0.8, -1.2, -1.9, -2.5, -2.5];
    static readonly float[] Labels16 = [1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0];
    static readonly PlattOptions Tight = new() { GradientTolerance = 1e-12 };

    // scipy → A = -0.3681023318300694, B = 0.17610066986826817, and expit(-(A·s + B)) at s = -2, 0, 2;
    // sklearn _sigmoid_calibration → (-0.3681022977343028, 0.17610066171907607).
    [Fact]
    public void Matches_the_direct_minimisation_with_ties()
    {
        var model = new PlattTrainer(new PlattOptions()).Fit(Scores16, Labels16);
        var tight = new PlattTrainer(Tight).Fit(Scores16, Labels16);

        AssertFit(-0.3681023318300694, 0.17610066986826817, model, tight);
        Assert.Equal(-0.3681022977343028, model.A, tolerance: 1e-6);
        Assert.Equal(0.17610066171907607, model.B, tolerance: 1e-6);
        Assert.Equal(0.2865283264401017, tight.Predict(-2), tolerance: 1e-12);
        Assert.Equal(0.45608825448307827, tight.Predict(0), tolerance: 1e-12);
        Assert.Equal(0.636476602096903, tight.Predict(2), tolerance: 1e-12);
    }

    // The 200-row formula set of IsotonicTests with s = 6x − 3: scipy A = -0.3143607493857336, B = -0.07286326333352057;
    // sklearn (-0.31436074937686886, -0.0728632633183293).
    [Fact]
    public void Matches_the_direct_minimisation_on_a_longer_set()
    {
        var x = Enumerable.Range(0, 200).Select(i => (i * 37 % 101) / 101.0).ToArray();
        var y = Enumerable.Range(0, 200).Select(i => (7 * i * i + i) % 13 < 2 + 9 * x[i] ? 1f : 0f).ToArray();
        var s = x.Select(v => v * 6 - 3).ToArray();

        AssertFit(-0.3143607493857336, -0.07286326333352057, new PlattTrainer(new PlattOptions()).Fit(s, y), new PlattTrainer(Tight).Fit(s, y));
    }

    // Scores that separate the classes: the smoothed targets keep the optimum finite. scipy: A = -0.796096581742561,
    // B ≈ 0 (7.6e-17), and with the classes ±40..±100 apart A = -0.021783724667487375, B ≈ 0 (-1.4e-17).
    [Fact]
    public void Separable_scores_converge_to_a_finite_fit()
    {
        float[] labels = [0, 0, 0, 0, 1, 1, 1, 1];
        double[] near = [-3, -2, -1.5, -1, 1, 1.5, 2, 3], far = [-100, -80, -60, -40, 40, 60, 80, 100];
        var nearFit = new PlattTrainer(new PlattOptions()).Fit(near, labels);
        var farFit = new PlattTrainer(new PlattOptions()).Fit(far, labels);

        AssertFit(-0.796096581742561, 0.0, nearFit, new PlattTrainer(Tight).Fit(near, labels));
        AssertFit(-0.021783724667487375, 0.0, farFit, new PlattTrainer(Tight).Fit(far, labels));
        Assert.InRange(nearFit.Iterations, 1, 20);
        Assert.InRange(farFit.Iterations, 1, 20);
    }

    // One class: every target is 1/(N₋ + 2), met exactly by A = 0 and 1/(1 + e^B) = 1/(N₋ + 2), so B = ln(N₋ + 1).
    [Fact]
    public void One_class_fits_the_smoothed_prior()
    {
        var model = new PlattTrainer(new PlattOptions()).Fit([0.1, 0.5, 0.9, 1.3, 2.0], [0, 0, 0, 0, 0]);

        Assert.Equal(0.0, model.A, tolerance: 1e-7);
        Assert.Equal(Math.Log(6), model.B, tolerance: 1e-7);
        Assert.Equal(1.0 / 7, model.Predict(0.7), tolerance: 1e-7);
    }

    [Fact]
    public void Predictions_fall_with_the_score_times_A_and_never_overflow()
    {
        var (scores, labels) = Miscalibrated.Draw(2000, seed: 3);
        var model = new PlattTrainer(new PlattOptions()).Fit(scores, labels);
        var p = model.Transform([-1e300, -5, -1, 0, 1, 5, 1e300]);

        Assert.True(model.A < 0);
        for (var i = 1; i < p.Length; i++) Assert.True(p[i] >= p[i - 1]);
        Assert.Equal(0.0, p[0]);
        Assert.Equal(1.0, p[^1]);
    }

    [Fact]
    public void Save_and_load_give_the_same_predictions_and_saving_twice_the_same_bytes()
    {
        var (scores, labels) = Miscalibrated.Draw(3000, seed: 4);
        var trainer = new PlattTrainer(new PlattOptions());
        var model = trainer.Fit(scores, labels);
        var bytes = ModelBytes.Of(model);
        var loaded = ModelBytes.Load(bytes, PlattModel.Load);

        Assert.Equal(bytes, ModelBytes.Of(model));
        Assert.Equal(bytes, ModelBytes.Of(loaded));
        Assert.Equal(bytes, ModelBytes.Of(trainer.Fit(scores, labels)));
        Assert.Equal(model.Transform(scores), loaded.Transform(scores));
        Assert.Equal((model.A, model.B, model.Iterations), (loaded.A, loaded.B, loaded.Iterations));
        Assert.Throws<InvalidDataException>(() => ModelBytes.Load(bytes[..^2], PlattModel.Load));
        Assert.Throws<InvalidDataException>(() => ModelBytes.Load(ModelBytes.Of(new IsotonicTrainer(new IsotonicOptions()).Fit(scores, labels)), PlattModel.Load));
    }

    [Fact]
    public void Empty_or_not_finite_input_is_a_typed_error()
    {
        var trainer = new PlattTrainer(new PlattOptions());

        Assert.Throws<LearnerInputException>(() => trainer.Fit([], []));
        Assert.Throws<LearnerInputException>(() => trainer.Fit([0.1, double.NaN], [0, 1]));
        Assert.Throws<LearnerInputException>(() => trainer.Fit([0.1, 0.2], [0, float.NaN]));
        Assert.Throws<LearnerInputException>(() => trainer.Fit([0.1, 0.2], [0, 0.5f]));
        Assert.Throws<LearnerInputException>(() => trainer.Fit([0.1, 0.2], [0, 1, 1]));
        Assert.Throws<LearnerInputException>(() => trainer.Fit([0.1, 0.2], [0, 1]).Predict(double.NegativeInfinity));
    }

    [Fact]
    public void Bad_options_and_cancellation_are_honoured()
    {
        Assert.Throws<ArgumentException>(() => new PlattTrainer(new PlattOptions { MaxIterations = 0 }).Fit([0.1, 0.2], [0, 1]));
        Assert.Throws<ArgumentException>(() => new PlattTrainer(new PlattOptions { HessianRidge = 0 }).Fit([0.1, 0.2], [0, 1]));
        Assert.Throws<ArgumentException>(() => new PlattTrainer(new PlattOptions { GradientTolerance = double.NaN }).Fit([0.1, 0.2], [0, 1]));
        Assert.Throws<OperationCanceledException>(() => new PlattTrainer(new PlattOptions()).Fit([0.1, 0.2], [0, 1], new CancellationToken(canceled: true)));
    }

    static void AssertFit(double a, double b, PlattModel model, PlattModel tight)
    {
        Assert.Equal(a, model.A, tolerance: 1e-6);
        Assert.Equal(b, model.B, tolerance: 1e-6);
        Assert.Equal(a, tight.A, tolerance: 1e-12);
        Assert.Equal(b, tight.B, tolerance: 1e-12);
    }
}
