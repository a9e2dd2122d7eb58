using ShopLens.Learning.Btyd;

namespace ShopLens.Insight.Lifetime;

/// <summary>The BTYD purchase models by their command-line names, fitted on purchase histories.</summary>
public static class RepeatPurchaseModels
{
    public static readonly IReadOnlyList<string> Names = ["bgnbd", "mbgnbd", "pareto"];

    /// <exception cref="ArgumentException">an unknown name</exception>
    public static IRepeatPurchaseModel Fit(string name, PurchaseHistories histories, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var customers = new CustomerHistories(histories.Frequency, histories.Recency, histories.Age);
        return name switch
        {
            "bgnbd" => new BgNbdTrainer(new BgNbdOptions()).Fit(customers, ct),
            "mbgnbd" => new MbgNbdTrainer(new BgNbdOptions()).Fit(customers, ct),
            "pareto" => new ParetoNbdTrainer(new ParetoNbdOptions()).Fit(customers, ct),
            _ => throw new ArgumentException($"unknown purchase model '{name}'; use {string.Join(", ", Names)}"),
        };
    }

    /// <summary>Gamma-Gamma on the customers with a repeat purchase (its assumption: spend independent of frequency).</summary>
    public static GammaGammaModel FitSpend(PurchaseHistories histories, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var repeat = Enumerable.Range(0, histories.Count).Where(i => histories.Frequency[i] > 0 && histories.MeanRepeatValue[i] > 0).ToArray();
        return new GammaGammaTrainer(new GammaGammaOptions())
            .Fit(new SpendHistories([.. repeat.Select(i => histories.Frequency[i])], [.. repeat.Select(i => histories.MeanRepeatValue[i])]), ct);
    }
}
