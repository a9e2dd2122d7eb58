using ShopLens.Core.Model;
using ShopLens.Learning.Sequence;

namespace ShopLens.Insight.Sequences;

/// <summary>
/// The sequence model's view of a customer's next step: the likeliest next products (probability under the model's
/// next-item softmax), each event type's probability of being next, and the probability of a purchase within
/// <see cref="IntentHorizonDays"/> (null when the model has no purchases to learn from).
/// </summary>
public sealed record NextEvents(string CustomerId, IReadOnlyList<NextProduct> Products, IReadOnlyDictionary<string, double> NextAction,
    double? PurchaseIntent, double? IntentHorizonDays, int EventsRead, int EventsUnknown)
{
    internal static NextEvents From(string customerId, SequencePrediction prediction, IReadOnlyList<string> productIds, IReadOnlyList<EventType> kindTypes,
        IReadOnlySet<int>? exclude, int k, int eventsRead, int eventsUnknown, double? horizonDays)
    {
        var scores = prediction.ItemScores;
        var max = scores.Max();
        var total = scores.Sum(s => Math.Exp(s - max));
        var products = prediction.TopItems(k, exclude).Select(i => new NextProduct(productIds[i], Math.Exp(scores[i] - max) / total)).ToArray();
        var actions = kindTypes.Select((t, kind) => (t, kind)).ToDictionary(p => EventTypes.Name(p.t), p => (double)prediction.KindProbabilities[p.kind]);
        return new NextEvents(customerId, products, actions, prediction.Intent, horizonDays, eventsRead, eventsUnknown);
    }
}

/// <summary>A product the customer may touch next, with the model's probability that it is the very next one.</summary>
public sealed record NextProduct(string ProductId, double Probability);
