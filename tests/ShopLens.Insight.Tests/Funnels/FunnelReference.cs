using System.Globalization;
using ShopLens.Core.Model;
using ShopLens.Core.Store;
using ShopLens.Insight.Funnels;

namespace ShopLens.Insight.Tests.Funnels;

/// <summary>
/// docs/funnels.md's semantics written plainly, to check the SQL against: every first-step event starts an attempt,
/// each later step is the earliest event of its type at or after the previous step (strictly after for a type that
/// came up before) and within the window of the start, and a customer keeps the earliest start that gets furthest.
/// Events are read out of the store one by one and the funnel is counted in loops.
/// </summary>
static class FunnelReference
{
    public sealed record Event(int Customer, DateTime Time, EventType Type, string? Category, string? Channel);

    public sealed record Attempt(int Customer, DateTime[] Times, string? StartCategory)
    {
        public int Reach => Times.Length;
    }

    public static List<Event> ReadEvents(IShopStore store)
    {
        var events = new List<Event>();
        using var r = store.Query("""
            SELECT e.customer_key, e.ts, e.type, p.category, e.channel
            FROM events e LEFT JOIN products p ON p.product_key = e.product_key
            """);
        while (r.Read())
            events.Add(new Event(r.GetInt32(0), r.GetDateTime(1), (EventType)r.GetByte(2),
                r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4)));
        return events;
    }

    public static Dictionary<int, Attempt> Attempts(IEnumerable<Event> events, FunnelDefinition funnel)
    {
        var steps = funnel.Steps;
        var inRange = events.Where(e => (funnel.AsOf is null || e.Time < funnel.AsOf) && (funnel.From is null || e.Time >= funnel.From));
        var attempts = new Dictionary<int, Attempt>();
        foreach (var customer in inRange.GroupBy(e => e.Customer))
        {
            var mine = customer.ToList();
            Attempt? best = null;
            foreach (var start in mine.Where(e => e.Type == steps[0]))
            {
                var times = new List<DateTime> { start.Time };
                for (var k = 1; k < steps.Count; k++)
                {
                    var strict = steps.Take(k).Contains(steps[k]);
                    DateTime? next = null;
                    foreach (var e in mine)
                    {
                        var after = strict ? e.Time > times[^1] : e.Time >= times[^1];
                        if (e.Type == steps[k] && after && e.Time <= start.Time + funnel.Window && (next is null || e.Time < next)) next = e.Time;
                    }
                    if (next is null) break;
                    times.Add(next.Value);
                }
                if (best is null || times.Count > best.Reach || (times.Count == best.Reach && start.Time < best.Times[0]))
                    best = new Attempt(customer.Key, [.. times], null);
            }
            if (best is null) continue;
            // The breakdown's category: the smallest top-level category among the first-step events at the start.
            var category = mine.Where(e => e.Type == steps[0] && e.Time == best.Times[0])
                .Select(e => e.Category?.Split('>')[0].Trim()).Where(c => !string.IsNullOrEmpty(c)).Order(StringComparer.Ordinal).FirstOrDefault();
            attempts[customer.Key] = best with { StartCategory = category };
        }
        return attempts;
    }

    /// <summary>Customers per step, and the median and mean seconds from the step before (NaN for the first step).</summary>
    public static (long Customers, double Median, double Mean)[] Steps(IEnumerable<Attempt> attempts, int steps)
    {
        var all = attempts.ToList();
        return [.. Enumerable.Range(0, steps).Select(k =>
        {
            var reached = all.Where(a => a.Reach > k).ToList();
            if (k == 0 || reached.Count == 0) return (reached.Count, double.NaN, double.NaN);
            var gaps = reached.Select(a => (a.Times[k] - a.Times[k - 1]).TotalSeconds).Order().ToList();
            var median = gaps.Count % 2 == 1 ? gaps[gaps.Count / 2] : (gaps[gaps.Count / 2 - 1] + gaps[gaps.Count / 2]) / 2;
            return ((long)reached.Count, median, gaps.Average());
        })];
    }

    /// <summary>Asserts that <paramref name="steps"/> equal the reference counts and times, printing what it compares.</summary>
    public static void AssertSteps(IReadOnlyList<FunnelStep> steps, (long Customers, double Median, double Mean)[] expected, string label)
    {
        Assert.Equal(expected.Length, steps.Count);
        for (var k = 0; k < expected.Length; k++)
        {
            var s = steps[k];
            var message = string.Create(CultureInfo.InvariantCulture,
                $"{label} step {k + 1} {s.Name}: customers {s.Customers} vs {expected[k].Customers}, median {s.MedianTimeToStepSeconds} vs {expected[k].Median}, mean {s.MeanTimeToStepSeconds} vs {expected[k].Mean}");
            Assert.True(expected[k].Customers == s.Customers, message);
            if (double.IsNaN(expected[k].Median))
            {
                Assert.True(s.MedianTimeToStepSeconds is null && s.MeanTimeToStepSeconds is null, message);
                continue;
            }
            Assert.True(Math.Abs(expected[k].Median - s.MedianTimeToStepSeconds!.Value) < 1e-6, message);
            Assert.True(Math.Abs(expected[k].Mean - s.MeanTimeToStepSeconds!.Value) < 1e-6, message);
        }
    }
}
