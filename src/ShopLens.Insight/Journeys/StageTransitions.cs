namespace ShopLens.Insight.Journeys;

/// <summary>
/// The stage-transition matrix between two dates: for each stage at <see cref="From"/> (null: "new", not yet present
/// then) and each stage at <see cref="To"/>, how many customers made that move. A row's sum is the number of customers
/// in that stage at <see cref="From"/>; the "new" row holds those who arrived in between.
/// </summary>
public sealed class StageTransitions(DateTime from, DateTime to, IReadOnlyDictionary<(LifecycleStage? From, LifecycleStage To), long> cells)
{
    public DateTime From { get; } = from;

    public DateTime To { get; } = to;

    /// <summary>Customers in <paramref name="before"/> at <see cref="From"/> (null: new) and in <paramref name="after"/> at <see cref="To"/>.</summary>
    public long this[LifecycleStage? before, LifecycleStage after] => cells.GetValueOrDefault((before, after));

    /// <summary>Customers who were in <paramref name="before"/> at <see cref="From"/> (null: arrived in between), wherever they are now.</summary>
    public long RowTotal(LifecycleStage? before) => LifecycleStages.All.Sum(after => this[before, after]);

    /// <summary>Rows in journey order, "new" last.</summary>
    public static IReadOnlyList<LifecycleStage?> Rows { get; } = [.. LifecycleStages.All.Select(s => (LifecycleStage?)s), null];
}
