using ShopLens.Core.Store;
using ShopLens.Insight.Features;

namespace ShopLens.Insight.Predictions;

/// <summary>
/// The rows of a prediction task at one cut-off: the task's population, the numeric profile columns computed from
/// what happened strictly before the cut-off, and — when the store holds the whole horizon after it — each
/// customer's outcome from what happened at or after the cut-off and before cut-off + horizon. Nothing after the
/// cut-off reaches the features; nothing before it reaches the labels.
/// </summary>
public sealed class TaskFrame
{
    /// <summary>The profile columns the models see: every numeric one.</summary>
    public static readonly IReadOnlyList<string> FeatureColumns =
        [.. CustomerProfile.Columns.Where(c => c != "customer_key" && !CustomerProfile.NonNumericColumns.Contains(c))];

    public required DateTime CutOff { get; init; }

    /// <summary>The columns of <see cref="Features"/>: <see cref="FeatureColumns"/>, and any appended (<see cref="WithColumns"/>).</summary>
    public IReadOnlyList<string> Columns { get; init; } = FeatureColumns;

    public int Width => Columns.Count;

    /// <summary>The customer of each row.</summary>
    public required int[] Keys { get; init; }

    /// <summary>Rows × <see cref="Columns"/>, row-major; NaN where a column is undefined (no orders yet …).</summary>
    public required float[] Features { get; init; }

    /// <summary>1 when the outcome happened, else 0; null when the horizon is not over in the data.</summary>
    public float[]? Labels { get; init; }

    public int Rows => Keys.Length;

    /// <summary>How many cut-offs' rows the frame holds (see <see cref="Stack"/>).</summary>
    public int Snapshots { get; init; } = 1;

    /// <summary>Computes the frame inside the store; <paramref name="withLabels"/> asks for the outcomes too.</summary>
    public static TaskFrame Load(IShopStore store, PredictionTask task, DateTime cutOff, bool withLabels)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(task);
        var columns = string.Join(", ", FeatureColumns.Select(c => "p." + c));
        var label = withLabels ? $", CAST({LabelSql(task, cutOff)} AS INTEGER) AS label" : "";
        var population = $"p.last_active_days <= {task.EffectiveLookBackDays}"
            + (task.Kind == PredictionKind.Churn && task.Definition == ChurnDefinition.NoPurchase ? " AND p.orders > 0" : "");
        var sql = $"""
            SELECT p.customer_key, {columns}{label}
            FROM ({CustomerProfile.Sql(cutOff)}) AS p
            WHERE {population}
            ORDER BY p.customer_key
            """;
        var (keys, features, labels) = ProfileRows.Load(store, sql, FeatureColumns.Count, withLabels);
        return new TaskFrame { CutOff = cutOff, Keys = keys, Features = features, Labels = labels };
    }

    /// <summary>
    /// The rows of several labelled frames (snapshots of the same task at different cut-offs) as one training frame;
    /// a customer may appear once per snapshot. <see cref="CutOff"/> is the latest snapshot's.
    /// </summary>
    public static TaskFrame Stack(IReadOnlyList<TaskFrame> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        if (snapshots.Count == 0) throw new ArgumentException("no snapshots to stack", nameof(snapshots));
        if (snapshots.Any(f => !f.Columns.SequenceEqual(snapshots[0].Columns)))
            throw new ArgumentException("snapshots with different columns cannot be stacked", nameof(snapshots));
        return new TaskFrame
        {
            Columns = snapshots[0].Columns,
            CutOff = snapshots.Max(f => f.CutOff),
            Snapshots = snapshots.Sum(f => f.Snapshots),
            Keys = [.. snapshots.SelectMany(f => f.Keys)],
            Features = [.. snapshots.SelectMany(f => f.Features)],
            Labels = snapshots.All(f => f.Labels is not null) ? [.. snapshots.SelectMany(f => f.Labels!)] : null,
        };
    }

    /// <summary>The frame with <paramref name="names"/> appended to every row (<paramref name="values"/>: rows × names, row-major).</summary>
    public TaskFrame WithColumns(IReadOnlyList<string> names, float[] values)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != Rows * names.Count) throw new ArgumentException($"{names.Count} columns of {Rows} rows need {Rows * names.Count} values, not {values.Length}", nameof(values));
        var (width, wider) = (Width, Width + names.Count);
        var features = new float[Rows * wider];
        for (var i = 0; i < Rows; i++)
        {
            Features.AsSpan(i * width, width).CopyTo(features.AsSpan(i * wider));
            values.AsSpan(i * names.Count, names.Count).CopyTo(features.AsSpan(i * wider + width));
        }
        return new TaskFrame { CutOff = CutOff, Keys = Keys, Features = features, Labels = Labels, Snapshots = Snapshots, Columns = [.. Columns, .. names] };
    }

    /// <summary>
    /// A boolean SQL expression over <c>p.customer_key</c>: did the outcome happen in [cut-off, cut-off + horizon)? An
    /// order counts when it is kept (neither cancelled nor returned by the end of the horizon): a credit note or a
    /// cancelled basket is not a purchase.
    /// </summary>
    static string LabelSql(PredictionTask task, DateTime cutOff)
    {
        var from = SqlLiteral.Timestamp(cutOff);
        var to = SqlLiteral.Timestamp(cutOff.AddDays(task.HorizonDays));
        var ordered = $"""
            EXISTS (SELECT 1 FROM ({Purchases.Sql(cutOff.AddDays(task.HorizonDays))}) AS o
              WHERE o.customer_key = p.customer_key AND o.ts >= {from} AND NOT o.cancelled AND NOT o.returned)
            """;
        var active = $"""
            (EXISTS (SELECT 1 FROM events e WHERE e.customer_key = p.customer_key AND e.ts >= {from} AND e.ts < {to})
             OR EXISTS (SELECT 1 FROM orders o WHERE o.customer_key = p.customer_key AND o.ts >= {from} AND o.ts < {to}))
            """;
        return task.Kind == PredictionKind.Propensity ? ordered
            : task.Definition == ChurnDefinition.NoActivity ? $"NOT {active}" : $"NOT {ordered}";
    }

    /// <summary>
    /// The default scoring moment: just after the store's last event or order (in UTC), so that everything the store
    /// holds counts as a feature.
    /// </summary>
    public static DateTime DefaultScoreTime(IShopStore store) => DataEnd(store).AddTicks(TimeSpan.TicksPerMicrosecond);

    /// <summary>The last moment the store has an event or order for, in UTC.</summary>
    public static DateTime DataEnd(IShopStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var end = store.Scalar<object?>($"SELECT {ShopLens.Insight.Features.CutOff.Reference(null)}");
        if (end is not DateTime time) throw new InsufficientDataException("the store has no events or orders: import data first");
        // DuckDB hands timestamps back unspecified; they are UTC, and a local reading would shift every cut-off.
        return DateTime.SpecifyKind(time, DateTimeKind.Utc);
    }

}
