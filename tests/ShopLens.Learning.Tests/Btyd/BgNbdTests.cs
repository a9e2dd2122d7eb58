using ShopLens.Learning.Btyd;
using Xunit.Abstractions;

namespace ShopLens.Learning.Tests.Btyd;

/// <summary>BG/NBD against Fader, Hardie &amp; Lee (2005) on CDNOW and the point checks of REFERENCE_RESULTS.md §1.</summary>
[Trait("Issue", "5")]
public sealed class BgNbdTests(ITestOutputHelper output)
{
    static readonly Lazy<BgNbdModel> CdnowFit = new(() => new BgNbdTrainer(new BgNbdOptions()).Fit(BgNbdTestData.CdnowCustomers));

    static BgNbdModel Printed => BgNbdTestDataModels.Printed;

    [Fact]
    public void Cdnow_fit_matches_the_full_precision_estimates_of_CLVTools()
    {
        var m = CdnowFit.Value;
        output.WriteLine($"{m.Fit.Message}; r={m.R:R} α={m.Alpha:R} a={m.A:R} b={m.B:R} LL={m.LogLikelihood:R}");
        Assert.True(m.Fit.Converged, m.Fit.Message);
        // CLVTools@0c97cc5a tests/testthat/test_correctness_bgnbd.R, "our estimates": to ~4 significant digits.
        Assert.Equal(0.2425945, m.R, 0.2425945 * 2e-4);
        Assert.Equal(4.4136019, m.Alpha, 4.4136019 * 2e-4);
        Assert.Equal(0.7929199, m.A, 0.7929199 * 2e-4);
        Assert.Equal(2.4258881, m.B, 2.4258881 * 2e-4);
        var likelihood = new BgNbdLikelihood(BgNbdTestData.CdnowCustomers, modified: false);
        var atClvTools = likelihood.Evaluate([0.2425945, 4.4136019, 0.7929199, 2.4258881], new double[4]);
        output.WriteLine($"LL at CLVTools' estimates on this file: {atClvTools:R}");
        // This file has recency and T rounded to 0.01 week: at CLVTools' own estimates it gives −9582.42556, not their
        // −9582.429, so the published value holds to the 0.005 the rounding leaves; our optimum is at least as high.
        Assert.Equal(-9582.429, m.LogLikelihood, 0.005);
        Assert.True(m.LogLikelihood >= atClvTools - 1e-6);
    }

    [Fact]
    public void Cdnow_fit_rounds_to_the_parameters_printed_in_FHL_2005()
    {
        var m = CdnowFit.Value;
        Assert.Equal(0.243, Math.Round(m.R, 3));
        Assert.Equal(4.414, Math.Round(m.Alpha, 3));
        Assert.Equal(0.793, Math.Round(m.A, 3));
        Assert.Equal(2.426, Math.Round(m.B, 3));
        Assert.Equal(-9582.4, Math.Round(m.LogLikelihood, 1));
    }

    [Fact]
    public void Cdnow_standard_errors_are_finite_and_small()
    {
        var se = CdnowFit.Value.StandardErrors;
        output.WriteLine(string.Join(", ", se.Select(kv => $"{kv.Key}={kv.Value:G6}")));
        foreach (var name in new[] { "r", "alpha", "a", "b" }) Assert.InRange(se[name], 1e-4, 1.0);
    }

    // lifetimes@4f2833f tests/test_estimation.py, "Hardie excel sheet".
    [Theory]
    [InlineData(0.1429, 0.0078)]
    [InlineData(1.0, 0.0532)]
    [InlineData(3.0, 0.1506)]
    [InlineData(31.8571, 1.0405)]
    [InlineData(32.0, 1.0437)]
    [InlineData(78.0, 1.8576)]
    public void Expected_purchases_match_Hardies_spreadsheet(double t, double expected) =>
        Assert.Equal(expected, CdnowFit.Value.ExpectedPurchases(t), 0.00051);

    [Fact]
    public void Conditional_expectation_matches_lifetimes() =>
        // lifetimes@4f2833f tests/test_estimation.py: E[Y(39) | 2, 30.43, 38.86] = 1.226 (tolerance 0.001).
        Assert.Equal(1.226, CdnowFit.Value.ConditionalExpectedPurchases(39, 2, 30.43, 38.86), 0.001);

    [Fact]
    public void Purchase_count_probabilities_match_R_BTYD()
    {
        // lifetimes@4f2833f tests/test_estimation.py ("R BTYD") with the printed parameters.
        Assert.Equal(1.07869e-07, Printed.ProbabilityOfPurchases(10, 2), 1.07869e-07 * 1e-5);
        Assert.Equal(0.5737864, Printed.ProbabilityOfPurchases(0, 39), 1e-7);
    }

    [Fact]
    public void Count_distribution_sums_to_one_with_mean_the_expected_purchases()
    {
        double total = 0, mean = 0;
        for (var n = 0; n < 400; n++)
        {
            var p = Printed.ProbabilityOfPurchases(n, 39);
            total += p;
            mean += n * p;
        }
        Assert.Equal(1, total, 1e-10);
        Assert.Equal(Printed.ExpectedPurchases(39), mean, 1e-9);
    }

    [Fact]
    public void At_least_one_purchase_agrees_with_the_count_distribution_and_its_limits()
    {
        // A customer seen just after the first purchase is a new customer: 1 − P(X(h) = 0).
        Assert.Equal(1 - Printed.ProbabilityOfPurchases(0, 10), Printed.ProbabilityOfAtLeastOnePurchase(10, 0, 0, 1e-12), 1e-9);
        Assert.Equal(0, Printed.ProbabilityOfAtLeastOnePurchase(0, 3, 20, 38));
        Assert.Equal(Printed.ProbabilityAlive(3, 20, 38), Printed.ProbabilityOfAtLeastOnePurchase(1e12, 3, 20, 38), 1e-9);
        Assert.Equal(1, Printed.ProbabilityAlive(0, 0, 38));
        Assert.InRange(Printed.ProbabilityAlive(3, 5, 38), 0, Printed.ProbabilityAlive(3, 35, 38));
    }

    [Fact]
    public void Vector_versions_equal_the_scalar_ones()
    {
        var m = CdnowFit.Value;
        var c = BgNbdTestData.CdnowCustomers;
        var alive = m.ProbabilityAlive(c);
        var expected = m.ConditionalExpectedPurchases(39, c);
        var once = m.ProbabilityOfAtLeastOnePurchase(13, c);
        for (var i = 0; i < c.Count; i += 97)
        {
            Assert.Equal(m.ProbabilityAlive(c.Frequency[i], c.Recency[i], c.Age[i]), alive[i]);
            Assert.Equal(m.ConditionalExpectedPurchases(39, c.Frequency[i], c.Recency[i], c.Age[i]), expected[i]);
            Assert.Equal(m.ProbabilityOfAtLeastOnePurchase(13, c.Frequency[i], c.Recency[i], c.Age[i]), once[i]);
        }
    }

    [Fact]
    public void Recovers_simulated_parameters_within_ten_percent()
    {
        var data = BgNbdTestData.Simulate(20_000, r: 0.8, alpha: 4, a: 0.7, b: 2.5, modified: false, ageMin: 60, ageMax: 120, seed: 7);
        var m = new BgNbdTrainer(new BgNbdOptions()).Fit(data);
        output.WriteLine($"{m.Fit.Message}; r={m.R:G5} α={m.Alpha:G5} a={m.A:G5} b={m.B:G5}");
        Assert.True(m.Fit.Converged, m.Fit.Message);
        Assert.Equal(0.8, m.R, 0.08);
        Assert.Equal(4, m.Alpha, 0.4);
        Assert.Equal(0.7, m.A, 0.07);
        Assert.Equal(2.5, m.B, 0.25);
    }

    [Fact]
    public void Save_load_round_trip_is_byte_stable_and_predicts_the_same()
    {
        var m = CdnowFit.Value;
        var bytes = BgNbdModelBytes.Of(m.Save);
        var loaded = BgNbdModel.Load(new MemoryStream(bytes));
        Assert.Equal(bytes, BgNbdModelBytes.Of(loaded.Save));
        Assert.Equal((m.R, m.Alpha, m.A, m.B, m.LogLikelihood), (loaded.R, loaded.Alpha, loaded.A, loaded.B, loaded.LogLikelihood));
        Assert.Equal(m.Fit.Message, loaded.Fit.Message);
        Assert.Equal(m.StandardErrors["b"], loaded.StandardErrors["b"]);
        Assert.Equal(m.ConditionalExpectedPurchases(39, 2, 30.43, 38.86), loaded.ConditionalExpectedPurchases(39, 2, 30.43, 38.86));
        Assert.Throws<InvalidDataException>(() => MbgNbdModel.Load(new MemoryStream(bytes)));
        Assert.Throws<InvalidDataException>(() => BgNbdModel.Load(new MemoryStream(bytes[..20])));
    }

    [Fact]
    public void Same_seed_gives_the_same_model_bytes()
    {
        var data = BgNbdTestData.Simulate(2000, 0.5, 3, 0.8, 2, false, 20, 40, seed: 3);
        var first = BgNbdModelBytes.Of(new BgNbdTrainer(new BgNbdOptions()).Fit(data).Save);
        Assert.Equal(first, BgNbdModelBytes.Of(new BgNbdTrainer(new BgNbdOptions()).Fit(data).Save));
    }

    [Fact]
    public void A_fit_cut_short_returns_its_best_start_and_says_it_did_not_converge()
    {
        var m = new BgNbdTrainer(new BgNbdOptions { MaxIterations = 2 }).Fit(BgNbdTestData.CdnowCustomers);
        output.WriteLine(m.Fit.Message);
        Assert.False(m.Converged);
        Assert.StartsWith("did not converge: no start of 3 did", m.Fit.Message, StringComparison.Ordinal);
        Assert.Equal(2, m.Fit.Iterations);
        Assert.Equal(BgNbdTestData.CdnowCustomers.Count, m.Fit.Customers);
        Assert.True(double.IsFinite(m.LogLikelihood) && m.LogLikelihood < CdnowFit.Value.LogLikelihood, $"{m.LogLikelihood}");
    }

    [Fact]
    public void Bad_options_are_rejected()
    {
        var data = BgNbdTestData.Simulate(10, 0.5, 3, 0.8, 2, false, 20, 40, seed: 3);
        Assert.Throws<ArgumentException>(() => new BgNbdTrainer(new BgNbdOptions { Starts = 0 }).Fit(data));
        Assert.Throws<ArgumentException>(() => new BgNbdTrainer(new BgNbdOptions { L2Penalty = -1 }).Fit(data));
        Assert.Throws<ArgumentException>(() => new BgNbdTrainer(new BgNbdOptions { GradientTolerance = double.NaN }).Fit(data));
    }

    [Fact]
    public void L2_penalty_shrinks_the_parameters()
    {
        var plain = CdnowFit.Value;
        var shrunk = new BgNbdTrainer(new BgNbdOptions { L2Penalty = 0.1 }).Fit(BgNbdTestData.CdnowCustomers);
        Assert.True(shrunk.R + shrunk.Alpha + shrunk.A + shrunk.B < plain.R + plain.Alpha + plain.A + plain.B);
    }
}
