namespace ShopLens.Insight.Reviews;

/// <summary>When a product's rising complaint rate raises an alert (<see cref="ComplaintAlerts"/>).</summary>
public sealed record AlertOptions
{
    /// <summary>The recent window, ending at the cut-off.</summary>
    public int RecentDays { get; init; } = 60;

    /// <summary>The baseline window, ending where the recent one starts.</summary>
    public int BaselineDays { get; init; } = 180;

    /// <summary>Fewer recent complaints than this never alert, however few the reviews.</summary>
    public int MinComplaints { get; init; } = 3;

    /// <summary>
    /// The one-sided z-score a rise must reach: 2.33 is p = 0.01 per product, so a shop of 500 steady products with enough
    /// reviews to test sees a few false alarms at most — and only products with <see cref="MinComplaints"/> recent complaints are tested at all.
    /// </summary>
    public double MinZ { get; init; } = 2.33;
}
