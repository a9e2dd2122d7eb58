namespace ShopLens.Insight.Lifetime;

/// <summary>How customer lifetime value is forecast from the BTYD models.</summary>
public sealed record ClvOptions
{
    /// <summary>The forecast horizon in days (26 weeks by default).</summary>
    public int HorizonDays { get; init; } = 182;

    /// <summary>Share of revenue that is profit; CLV = discounted expected revenue × margin.</summary>
    public double Margin { get; init; } = 1.0;

    /// <summary>Yearly discount rate applied month by month (0.1 = 10% a year).</summary>
    public double AnnualDiscountRate { get; init; } = 0.1;

    /// <summary>Below this P(alive) a customer's next order gets no date: probably lapsed.</summary>
    public double LapsedBelow { get; init; } = 0.5;

    public void Validate()
    {
        if (HorizonDays < 1) throw new ArgumentException($"--horizon must be at least 1 day (got {HorizonDays})");
        if (!(Margin > 0 && Margin <= 1)) throw new ArgumentException($"--margin must be in (0, 1] (got {Margin})");
        if (!(AnnualDiscountRate >= 0 && AnnualDiscountRate < 10)) throw new ArgumentException($"--discount-rate must be in [0, 10) (got {AnnualDiscountRate})");
        if (!(LapsedBelow > 0 && LapsedBelow < 1)) throw new ArgumentException($"the lapsed threshold must be in (0, 1) (got {LapsedBelow})");
    }
}
