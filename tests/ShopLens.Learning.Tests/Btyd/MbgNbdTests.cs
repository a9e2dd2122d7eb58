using ShopLens.Learning.Btyd;
using Xunit.Abstractions;

namespace ShopLens.Learning.Tests.Btyd;

/// <summary>MBG/NBD against lifetimes' <c>ModifiedBetaGeoFitter</c> tests on CDNOW, and by parameter recovery.</summary>
[Trait("Issue", "5")]
public sealed class MbgNbdTests(ITestOutputHelper output)
{
    static readonly Lazy<MbgNbdModel> CdnowFit = new(() => new MbgNbdTrainer(new BgNbdOptions()).Fit(BgNbdTestData.CdnowCustomers));

    [Fact]
    public void Cdnow_fit_matches_BTYDplus_as_lifetimes_tests_it()
    {
        var m = CdnowFit.Value;
        output.WriteLine($"{m.Fit.Message}; r={m.R:R} α={m.Alpha:R} a={m.A:R} b={m.B:R} LL={m.LogLikelihood:R}");
        output.WriteLine(string.Join(", ", m.StandardErrors.Select(kv => $"{kv.Key}={kv.Value:G6}")));
        Assert.True(m.Fit.Converged, m.Fit.Message);
        // CamDavidsonPilon/lifetimes tests/test_estimation.py, TestModifiedBetaGammaFitter.test_params_out_is_close_to_BTYDplus:
        // [0.525, 6.183, 0.891, 1.614] with assert_array_almost_equal(decimal=3), i.e. |difference| < 1.5e-3.
        Assert.Equal(0.525, m.R, 1.5e-3);
        Assert.Equal(6.183, m.Alpha, 1.5e-3);
        Assert.Equal(0.891, m.A, 1.5e-3);
        Assert.Equal(1.614, m.B, 1.5e-3);
        Assert.True(m.LogLikelihood < -9500 && m.LogLikelihood > -9700);
    }

    // The same lifetimes test file: MBG/NBD's E[X(t)] within rtol 0.05 of Hardie's BG/NBD spreadsheet.
    [Theory]
    [InlineData(0.1429, 0.0078)]
    [InlineData(1.0, 0.0532)]
    [InlineData(3.0, 0.1506)]
    [InlineData(31.8571, 1.0405)]
    [InlineData(32.0, 1.0437)]
    [InlineData(78.0, 1.8576)]
    public void Expected_purchases_are_close_to_Hardies_spreadsheet(double t, double expected) =>
        Assert.Equal(expected, CdnowFit.Value.ExpectedPurchases(t), 0.05 * expected);

    [Fact]
    public void Conditional_expectation_is_close_to_the_BG_NBD_value() =>
        // lifetimes: E[Y(39) | 2, 30.43, 38.86] within 0.05 of 1.226.
        Assert.Equal(1.226, CdnowFit.Value.ConditionalExpectedPurchases(39, 2, 30.43, 38.86), 0.05);

    [Fact]
    public void Customers_without_repeat_purchases_may_be_gone()
    {
        var m = CdnowFit.Value;
        Assert.InRange(m.ProbabilityAlive(0, 0, 1), 0, 0.999);
        for (var x = 0; x < 100; x += 10)
            for (var tx = x == 0 ? 0 : 10; tx < (x == 0 ? 1 : 100); tx += 10)
                for (var t = Math.Max(tx, 1); t < 100; t += 10) Assert.InRange(m.ProbabilityAlive(x, tx, t), 0, 1);
    }

    [Fact]
    public void Count_distribution_sums_to_one_with_mean_the_expected_purchases()
    {
        var m = BgNbdTestDataModels.PrintedModified;
        double total = 0, mean = 0;
        for (var n = 0; n < 400; n++)
        {
            var p = m.ProbabilityOfPurchases(n, 39);
            total += p;
            mean += n * p;
        }
        Assert.Equal(1, total, 1e-10);
        Assert.Equal(m.ExpectedPurchases(39), mean, 1e-9);
        // A customer seen just after the first purchase is a new customer: 1 − P(X(h) = 0).
        Assert.Equal(1 - m.ProbabilityOfPurchases(0, 10), m.ProbabilityOfAtLeastOnePurchase(10, 0, 0, 1e-12), 1e-9);
    }

    [Fact]
    public void Recovers_simulated_parameters_within_ten_percent()
    {
        var data = BgNbdTestData.Simulate(20_000, r: 0.8, alpha: 4, a: 0.7, b: 2.5, modified: true, ageMin: 60, ageMax: 120, seed: 11);
        var m = new MbgNbdTrainer(new BgNbdOptions()).Fit(data);
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
        var loaded = MbgNbdModel.Load(new MemoryStream(bytes));
        Assert.Equal(bytes, BgNbdModelBytes.Of(loaded.Save));
        Assert.Equal(m.ProbabilityOfAtLeastOnePurchase(13, 2, 30.43, 38.86), loaded.ProbabilityOfAtLeastOnePurchase(13, 2, 30.43, 38.86));
        Assert.Throws<InvalidDataException>(() => BgNbdModel.Load(new MemoryStream(bytes)));
    }
}
