using System.Globalization;
using System.Text;
using ShopLens.Core.Synthetic;
using ShopLens.Insight.Lifetime;
using Xunit.Abstractions;

namespace ShopLens.Insight.Tests.Lifetime;

/// <summary>
/// <c>train clv</c> below the command line: a shop whose orders are drawn from known BG/NBD and Gamma-Gamma parameters
/// gives them back through import, purchase histories and the fits; the forecasts are saved and read back whole.
/// </summary>
[Trait("Issue", "5")]
public sealed class ClvTrainingTests(ITestOutputHelper output)
{
    static readonly DateTime CalibrationEnd = new(2025, 12, 31);

    /// <summary>
    /// Orders of <paramref name="customers"/> customers drawn from BG/NBD (λ ~ Gamma(r, α) per week; after each repeat
    /// order a dropout chance p ~ Beta(a, b)) who first bought 60–120 weeks before the calibration end, each order's
    /// amount from Gamma-Gamma (ν ~ Gamma(q, γ), amount ~ Gamma(p, ν)).
    /// </summary>
    static string SimulatedOrders(int customers, double r, double alpha, double a, double b, double p, double q, double gamma, int seed)
    {
        var rng = new SimulationRandom(seed);
        var csv = new StringBuilder("order_id,customer_id,timestamp,status,amount\n");
        var order = 0;
        for (var c = 0; c < customers; c++)
        {
            var lambda = rng.Gamma(r, 1 / alpha);
            var dropout = rng.Beta(a, b);
            var nu = rng.Gamma(q, 1 / gamma);
            var age = 60 + 60 * rng.NextDouble();
            var first = CalibrationEnd.AddDays(-Math.Floor(age * 7)).AddHours(12);
            for (var week = 0.0; week <= age; week += rng.Exponential(lambda))
            {
                csv.Append(CultureInfo.InvariantCulture, $"o{order++},c{c},{first.AddDays(week * 7):yyyy-MM-ddTHH:mm:ssZ},completed,{rng.Gamma(p, 1 / nu):F2}\n");
                if (week > 0 && rng.Chance(dropout)) break;
            }
        }
        return csv.ToString();
    }

    [Fact]
    public void A_shop_simulated_from_known_parameters_gives_them_back_within_ten_percent()
    {
        double[] purchase = [0.8, 4, 0.7, 2.5], spend = [6, 4, 15];
        using var t = new TestStore().With(("orders", SimulatedOrders(20_000, purchase[0], purchase[1], purchase[2], purchase[3], spend[0], spend[1], spend[2], seed: 5)));
        var result = ClvTraining.Run(t.Store, ["bgnbd", "gamma_gamma"], CalibrationEnd, TimeUnit.Week, new ClvOptions());
        var bgnbd = result.Summaries["bgnbd"];
        var gg = result.Summaries["gamma_gamma"];
        double[] fitted = [(double)bgnbd["r"]!, (double)bgnbd["alpha"]!, (double)bgnbd["a"]!, (double)bgnbd["b"]!];
        double[] fittedSpend = [(double)gg["p"]!, (double)gg["q"]!, (double)gg["gamma"]!];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Buyers} buyers; BG/NBD {string.Join(", ", fitted.Select(v => v.ToString("F4", CultureInfo.InvariantCulture)))}; Gamma-Gamma {string.Join(", ", fittedSpend.Select(v => v.ToString("F4", CultureInfo.InvariantCulture)))}"));
        Assert.Equal(20_000, result.Buyers);
        Assert.True((bool)bgnbd["converged"]! && (bool)gg["converged"]!);
        for (var j = 0; j < 4; j++) Assert.Equal(purchase[j], fitted[j], 0.1 * purchase[j]);
        for (var j = 0; j < 3; j++) Assert.Equal(spend[j], fittedSpend[j], 0.1 * spend[j]);
    }

    [Fact]
    public void A_shop_where_nobody_leaves_is_flagged_and_everyone_stays_alive()
    {
        using var t = new TestStore().With(("orders", SimulatedOrders(2000, 0.8, 4, 1e-9, 2.5, 6, 4, 15, seed: 3)));
        var result = ClvTraining.Run(t.Store, ["bgnbd", "pareto"], CalibrationEnd, TimeUnit.Week, new ClvOptions());
        foreach (var name in new[] { "bgnbd", "pareto" })
        {
            Assert.Contains("no dropout", (string)result.Summaries[name]["warning"]!, StringComparison.Ordinal);
            Assert.All(result.Values.Single(v => v.Model == name).ProbabilityAlive!, p => Assert.True(p > 0.999, $"{name} P(alive) {p}"));
        }
        var withDropout = ClvTraining.Run(new TestStore().With(("orders", SimulatedOrders(2000, 0.8, 4, 0.7, 2.5, 6, 4, 15, seed: 3))).Store,
            ["bgnbd"], CalibrationEnd, TimeUnit.Week, new ClvOptions());
        Assert.False(withDropout.Summaries["bgnbd"].ContainsKey("warning"));
    }

    [Fact]
    public void Saved_forecasts_read_back_whole_and_a_refit_replaces_only_its_own_model()
    {
        using var t = new TestStore().With(("orders", SimulatedOrders(300, 0.8, 4, 0.7, 2.5, 6, 4, 15, seed: 9)));
        var options = new ClvOptions { HorizonDays = 91, Margin = 0.3 };
        var first = ClvTraining.Run(t.Store, ["bgnbd", "pareto"], CalibrationEnd, TimeUnit.Week, options);
        SavedCustomerValue.Save(t.Store, first);
        Assert.Equal(["bgnbd", "gamma_gamma", "pareto"], SavedCustomerValue.Models(t.Store).Select(m => m.Model));

        var saved = SavedCustomerValue.Load(t.Store, "bgnbd");
        var fitted = first.Values.Single(v => v.Model == "bgnbd");
        Assert.Equal(fitted.CustomerKeys, saved.CustomerKeys);
        Assert.Equal(fitted.Clv, saved.Clv);
        Assert.Equal(fitted.ProbabilityAlive, saved.ProbabilityAlive);
        Assert.Equal(fitted.ExpectedOrders, saved.ExpectedOrders);
        Assert.Equal(fitted.NextOrders, saved.NextOrders);
        Assert.Null(saved.SpendLow);
        // CLV is the discounted expected spend times the margin.
        Assert.All(Enumerable.Range(0, saved.Count), i => Assert.InRange(saved.Clv[i], 0.3 * saved.ExpectedSpend[i] * 0.97, 0.3 * saved.ExpectedSpend[i]));

        var again = ClvTraining.Run(t.Store, ["bgnbd"], CalibrationEnd.AddDays(-30), TimeUnit.Week, options);
        SavedCustomerValue.Save(t.Store, again);
        var models = SavedCustomerValue.Models(t.Store).ToDictionary(m => m.Model);
        Assert.Equal(CalibrationEnd.AddDays(-30), models["bgnbd"].CalibrationEnd);
        Assert.Equal(CalibrationEnd, models["pareto"].CalibrationEnd);
        Assert.Equal(again.Values[0].CustomerKeys.Length, SavedCustomerValue.Load(t.Store, "bgnbd").Count);
        Assert.Equal(first.Values.Single(v => v.Model == "pareto").Clv, SavedCustomerValue.Load(t.Store, "pareto").Clv);
        Assert.Throws<KeyNotFoundException>(() => SavedCustomerValue.Load(t.Store, "ziln"));
        Assert.Throws<ArgumentException>(() => ClvTraining.Run(t.Store, ["bgnbd", "prophet"], CalibrationEnd, TimeUnit.Week, options));
    }
}
