using ShopLens.Core.Model;
using ShopLens.Server.Access;
using ShopLens.Server.Live;

namespace ShopLens.Server.Contracts;

/// <summary>The 360° view of <c>GET /v1/customers/{id}</c>: record, live activity, segments, stage, scores and value.</summary>
static class CustomerView
{
    public static object Of(string customerId, ShopState state, Caller caller)
    {
        var snapshot = state.Snapshot;
        var facts = snapshot.Customers.GetValueOrDefault(customerId);
        var outputs = snapshot.Outputs.GetValueOrDefault(customerId) ?? new CustomerOutputs();
        var live = state.Live.Find(customerId)?.Features();
        return new
        {
            customer_id = caller.Show(customerId),
            first_seen = facts?.FirstSeen,
            region = caller.SeesPersonalFields ? facts?.Region : null,
            channel = caller.SeesPersonalFields ? facts?.Channel : null,
            age_band = caller.SeesPersonalFields ? facts?.AgeBand : null,
            activity = new
            {
                events = live?.Events ?? 0,
                events_by_type = live?.EventsByType ?? new Dictionary<string, long>(),
                sessions = live?.Sessions ?? 0,
                first_event = live?.FirstEvent,
                last_event = live?.LastEvent,
            },
            purchases = outputs.Purchases is { } p
                ? new
                {
                    orders = p.Orders, revenue = Math.Round(p.Revenue, 2), average_order_value = p.AverageOrderValue is { } aov ? Math.Round(aov, 2) : (double?)null,
                    first_order = p.FirstOrder, last_order = p.LastOrder, returns = p.Returns,
                }
                : null,
            lifecycle_stage = outputs.Stage,
            segments = outputs.Segments,
            scores = outputs.Scores.ToDictionary(s => s.Key, s => new { probability = Math.Round(s.Value.Probability, 6), decile = s.Value.Decile }),
            value = outputs.Values.ToDictionary(v => v.Key, v => new
            {
                p_alive = Round(v.Value.PAlive), expected_orders = Round(v.Value.ExpectedOrders), expected_spend = Math.Round(v.Value.ExpectedSpend, 2),
                clv = Math.Round(v.Value.Clv, 2), next_order = v.Value.NextOrder,
            }),
            recent_events = (live?.Recent ?? []).Select(e => new { type = EventTypes.Name(e.Type), product_id = e.ProductId, timestamp = e.Timestamp }),
            snapshot_at = snapshot.BuiltAt,
        };
    }

    static double? Round(double? value) => value is { } v ? Math.Round(v, 6) : null;
}
