namespace ShopLens.Core.Synthetic;

/// <summary>
/// When a customer's sessions start: a Poisson process between sign-up and the earlier of death and the end, at
/// rate σ = λ / (share of sessions that end in an order), so that orders, a random thinning of sessions, arrive at
/// rate λ. The weekly rhythm thins the process by weekday (Lewis and Shedler 1979) with the same mean rate, and each
/// session is placed around the customer's peak hour of its day.
/// </summary>
static class SessionArrivals
{
    const double SecondsPerDay = 86400;

    /// <summary>Share of sessions at a uniformly random hour rather than near the peak hour.</summary>
    const double OffPeakShare = 0.15;

    /// <summary>Spread (standard deviation, hours) of session hours around the peak hour.</summary>
    const double PeakHourSpread = 2.0;

    /// <summary>Fills <paramref name="starts"/> with the customer's session start times (Unix seconds), sorted.</summary>
    public static void Draw(SyntheticCustomer customer, Archetype archetype, long stop, SimulationRandom rng, List<long> starts)
    {
        starts.Clear();
        if (stop <= customer.ActiveFrom) return;
        var sessionsPerDay = customer.PurchaseRate / archetype.SessionConversion;
        var weekend = customer.WeekendFactor;
        var maxWeight = Math.Max(1, weekend);
        var meanWeight = (5 + 2 * weekend) / 7;
        var ratePerSecond = sessionsPerDay * maxWeight / meanWeight / SecondsPerDay;

        double t = customer.ActiveFrom;
        while (true)
        {
            t += rng.Exponential(ratePerSecond);
            if (t >= stop) break;
            var day = (long)Math.Floor(t / SecondsPerDay);
            var dayOfWeek = (day + 4) % 7; // 0 = Sunday; 1970-01-01 was a Thursday
            var weight = dayOfWeek is 0 or 6 ? weekend : 1;
            if (!rng.Chance(weight / maxWeight)) continue;
            var hour = rng.Chance(OffPeakShare)
                ? rng.Next(24)
                : ((customer.PeakHourUtc + (int)Math.Round(PeakHourSpread * rng.Normal())) % 24 + 24) % 24;
            var start = day * (long)SecondsPerDay + hour * 3600L + rng.Next(3600);
            if (start >= customer.ActiveFrom && start < stop) starts.Add(start);
        }
        starts.Sort();
    }
}
