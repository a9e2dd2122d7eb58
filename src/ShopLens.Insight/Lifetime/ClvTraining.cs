using ShopLens.Core.Store;
using ShopLens.Learning.Btyd;

namespace ShopLens.Insight.Lifetime;

/// <summary>
/// <c>shoplens train clv</c>: the named value models fitted on everything up to the calibration end (default: the
/// data end), each with a summary (BTYD: parameters by their literature names, log-likelihood, standard errors) and
/// its forecast of every buyer over the horizon that follows. The BTYD models take their spend per order from
/// Gamma-Gamma, which is fitted whenever one of them is asked for.
/// </summary>
public static class ClvTraining
{
    public const string GammaGamma = "gamma_gamma";

    /// <summary>Every name <c>--model all</c> stands for.</summary>
    public static readonly IReadOnlyList<string> AllModels = [.. RepeatPurchaseModels.Names, GammaGamma, MachineLearnedValue.Gbdt, MachineLearnedValue.Ziln];

    /// <summary>What was fitted: per model its summary (insertion order: the order asked) and, for those that forecast, the values.</summary>
    public sealed record Result(DateTime CalibrationEnd, ClvOptions Options, int Buyers, TimeUnit Unit,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> Summaries, IReadOnlyList<CustomerValues> Values);

    /// <exception cref="ArgumentException">an unknown model name, bad options, or nobody bought before the calibration end</exception>
    public static Result Run(IShopStore store, IReadOnlyList<string> models, DateTime? calibrationEnd, TimeUnit unit, ClvOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var unknown = models.Where(m => !AllModels.Contains(m)).ToArray();
        if (unknown.Length > 0 || models.Count == 0)
            throw new ArgumentException($"unknown value model '{string.Join(", ", unknown)}'; use any of {string.Join(", ", AllModels)} or all");
        var end = (calibrationEnd ?? Predictions.TaskFrame.DataEnd(store)).Date;
        var histories = PurchaseHistories.Load(store, end, unit: unit);
        if (histories.Count == 0) throw new ArgumentException($"no customer bought before {end:yyyy-MM-dd}: move --calibration-end later");

        var summaries = new Dictionary<string, IReadOnlyDictionary<string, object?>>();
        var values = new List<CustomerValues>();
        var spend = models.Contains(GammaGamma) || models.Any(RepeatPurchaseModels.Names.Contains) ? RepeatPurchaseModels.FitSpend(histories, ct) : null;
        foreach (var name in models.Distinct())
        {
            ct.ThrowIfCancellationRequested();
            if (name == GammaGamma) continue;
            if (RepeatPurchaseModels.Names.Contains(name))
            {
                var model = RepeatPurchaseModels.Fit(name, histories, ct);
                summaries[name] = Summary(model);
                values.Add(CustomerValues.From(name, CustomerValueForecast.Compute(histories, model, spend, options)));
                continue;
            }
            var prediction = MachineLearnedValue.Predict(store, end.AddDays(1), options.HorizonDays, name);
            summaries[name] = new Dictionary<string, object?>
            {
                ["customers"] = prediction.CustomerKeys.Length,
                ["horizon_days"] = options.HorizonDays,
                ["trained_on"] = $"profiles at {end.AddDays(1 - options.HorizonDays):yyyy-MM-dd} and the spend of the {options.HorizonDays} days after",
                ["predicted_total"] = prediction.Spend.Sum(),
            };
            values.Add(CustomerValues.From(prediction, options));
        }
        if (spend is not null) summaries[GammaGamma] = Summary(spend);
        return new Result(end, options, histories.Count, unit, summaries, values);
    }

    static Dictionary<string, object?> Summary(IRepeatPurchaseModel model)
    {
        var summary = model.Parameters.ToDictionary(p => p.Key, p => (object?)p.Value);
        summary["log_likelihood"] = Finite(model.LogLikelihood);
        summary["converged"] = model.Converged;
        summary["standard_errors"] = (IReadOnlyDictionary<string, double?>)model.StandardErrors.ToDictionary(e => e.Key, e => Finite(e.Value));
        // Where nobody is seen to leave the likelihood is largest at no dropout at all: the fit runs to that edge
        // (the mean dropout chance a/(a+b), or rate s/β, → 0), where the model is the plain NBD and has no standard errors.
        var p = model.Parameters;
        var dropout = p.TryGetValue("s", out var shape) ? shape / p["beta"] : p["a"] / (p["a"] + p["b"]);
        if (dropout < 1e-6)
            summary["warning"] = "the data show no sign of customers leaving: the fit ran to no dropout, so every P(alive) is 1 and the model is the NBD";
        return summary;
    }

    static Dictionary<string, object?> Summary(GammaGammaModel model) => new()
    {
        ["p"] = model.P,
        ["q"] = model.Q,
        ["gamma"] = model.Gamma,
        ["log_likelihood"] = Finite(model.Fit.LogLikelihood),
        ["converged"] = model.Fit.Converged,
        ["standard_errors"] = (IReadOnlyDictionary<string, double?>)new Dictionary<string, double?>
        {
            ["p"] = Finite(model.Fit.StandardErrors[0]), ["q"] = Finite(model.Fit.StandardErrors[1]), ["gamma"] = Finite(model.Fit.StandardErrors[2]),
        },
        ["customers"] = model.Fit.Customers,
    };

    /// <summary>NaN (no standard error where the information is not positive definite) as JSON null.</summary>
    static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
