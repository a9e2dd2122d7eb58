using System.CommandLine;
using System.Globalization;
using ShopLens.Insight.Predictions;

namespace ShopLens.Cli.Commands;

/// <summary>The task argument and options that <c>train</c>, <c>evaluate</c> and <c>predict</c> share.</summary>
sealed class TaskArguments
{
    public Argument<string> Kind { get; } = new("task") { Description = "propensity (orders within the horizon) or churn (goes quiet within it)" };

    public Option<string> Horizon { get; }

    public Option<string> Definition { get; } = new("--definition")
    {
        Description = "Churn: no-activity (no event or order, GA4's) or no-purchase (no order, among past buyers)",
        DefaultValueFactory = _ => "no-activity",
    };

    public Option<string?> LookBack { get; } = new("--look-back")
    {
        Description = "Score customers active in this many days before the cut-off (default GA4's: 28d for propensity, 7d for churn)",
    };

    /// <summary>
    /// <paramref name="horizons"/>: the default of <c>--horizon</c>; with <paramref name="several"/> it may list horizons;
    /// <paramref name="otherTasks"/>: tasks besides propensity and churn that the command takes (evaluate: clv, recs).
    /// </summary>
    public TaskArguments(string horizons = "14d", bool several = false, params string[] otherTasks)
    {
        _several = several;
        Horizon = new("--horizon")
        {
            Description = several
                ? "Days after the cut-off in which the outcome is watched, one model per horizon: 7d,14d,28d …"
                : "Days after the cut-off in which the outcome is watched: 7d, 14d, 28d …",
            DefaultValueFactory = _ => horizons,
        };
        Kind.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<string>();
            string[] tasks = ["propensity", "churn", .. otherTasks];
            if (!tasks.Contains(value))
                r.AddError($"the task must be {string.Join(", ", tasks[..^1])} or {tasks[^1]}, not '{value}'");
        });
        Definition.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<string>();
            if (value is not ("no-activity" or "no-purchase")) r.AddError($"--definition must be no-activity or no-purchase, not '{value}'");
        });
    }

    public void AddTo(Command command)
    {
        command.Arguments.Add(Kind);
        command.Options.Add(Horizon);
        command.Options.Add(Definition);
        command.Options.Add(LookBack);
    }

    readonly bool _several;

    /// <summary>The horizon in days (one value).</summary>
    public int HorizonDays(ParseResult parse) => CommonOptions.ParseDays(parse.GetValue(Horizon)!, "--horizon");

    /// <summary>The one task asked for (commands that take one horizon).</summary>
    public PredictionTask Read(ParseResult parse) => ReadAll(parse)[0];

    /// <summary>One task per horizon in <c>--horizon</c> (a comma-separated list where the command takes several).</summary>
    public IReadOnlyList<PredictionTask> ReadAll(ParseResult parse)
    {
        var text = parse.GetValue(Horizon)!;
        var horizons = _several ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [text];
        if (horizons.Length == 0) throw new ArgumentException("--horizon: give at least one number of days such as 14d");
        return [.. horizons.Distinct(StringComparer.Ordinal).Select(h => Read(parse, CommonOptions.ParseDays(h, "--horizon")))];
    }

    PredictionTask Read(ParseResult parse, int horizonDays)
    {
        var task = new PredictionTask
        {
            Kind = parse.GetValue(Kind) == "churn" ? PredictionKind.Churn : PredictionKind.Propensity,
            HorizonDays = horizonDays,
            Definition = parse.GetValue(Definition) == "no-purchase" ? ChurnDefinition.NoPurchase : ChurnDefinition.NoActivity,
            LookBackDays = parse.GetValue(LookBack) is { } lookBack ? CommonOptions.ParseDays(lookBack, "--look-back") : null,
        };
        task.Validate();
        return task;
    }
}
