using System.CommandLine;
using System.Globalization;
using ShopLens.Cli.Output;
using ShopLens.Server.Contracts;
using ShopLens.Core.Store;
using ShopLens.Insight.Funnels;
using Spectre.Console;

namespace ShopLens.Cli.Commands;

/// <summary><c>shoplens funnel</c>: ordered steps within a conversion window, per-step conversion and timing, breakdowns, correlations (docs/funnels.md).</summary>
static class FunnelCommand
{
    static readonly string[] Breakdowns = ["category", "channel", "segment"];

    public static Command Build()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var steps = new Option<string>("--steps") { Description = "The steps in order, event types separated by commas (view,cart,purchase)", Required = true };
        steps.Validators.Add(result => Check(result, () => FunnelDefinition.ParseSteps(result.GetValueOrDefault<string>())));
        var window = new Option<string>("--window") { Description = "Conversion window from the first step: 30m, 12h, 1d, 7d …", DefaultValueFactory = _ => "1d" };
        window.Validators.Add(result => Check(result, () => ConversionWindow.Parse(result.GetValueOrDefault<string>())));
        var by = new Option<string?>("--by") { Description = "Break the funnel down by category, channel or segment" };
        by.CompletionSources.Add(Breakdowns);
        by.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && !Breakdowns.Contains(value)) result.AddError($"--by must be {string.Join(", ", Breakdowns)}, not '{value}'");
        });
        var method = new Option<string>("--segment-method") { Description = "Whose saved segments --by segment reads", DefaultValueFactory = _ => "rfm" };
        var asOf = new Option<string?>("--as-of") { Description = "Cut-off (ISO 8601, UTC): only events strictly before it count; default: every event" };
        var from = new Option<string?>("--from") { Description = "Only events at or after this moment (ISO 8601, UTC) count" };
        var top = new Option<int>("--top") { Description = "Correlation signals shown each way per kind; 0 skips correlation", DefaultValueFactory = _ => 10 };
        var output = new Option<string?>("--out") { Description = "Write each customer's attempt (steps reached, when) to FILE.csv, .parquet, .jsonl or .xlsx" };
        var command = new Command("funnel", "Conversion through ordered steps within a window, with breakdowns and correlations")
        {
            db, steps, window, by, method, asOf, from, top, output, json,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(db)!;
            var funnel = new FunnelDefinition
            {
                Steps = FunnelDefinition.ParseSteps(parse.GetValue(steps)!),
                Window = ConversionWindow.Parse(parse.GetValue(window)!),
                AsOf = CommonOptions.ParseTime(parse.GetValue(asOf), "--as-of"),
                From = CommonOptions.ParseTime(parse.GetValue(from), "--from"),
                By = parse.GetValue(by) switch
                {
                    "category" => FunnelBreakdown.Category,
                    "channel" => FunnelBreakdown.Channel,
                    "segment" => FunnelBreakdown.Segment,
                    _ => FunnelBreakdown.None,
                },
                SegmentMethod = parse.GetValue(method)!,
                CorrelationTop = parse.GetValue(top),
            };
            funnel.Validate();
            using var store = CommonOptions.OpenStore(path);
            var outFile = parse.GetValue(output);
            var result = FunnelAnalysis.Run(store, funnel, outFile);
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json)) Json.Write(stdout, FunnelJson.Of(result, outFile));
            else Render(Screen.For(stdout), result, outFile);
            return 0;
        });
        return command;
    }

    // A bad value is a usage error (exit 2) with the library's one-line message naming it.
    static void Check(System.CommandLine.Parsing.OptionResult result, Action parse)
    {
        try
        {
            parse();
        }
        catch (ArgumentException e)
        {
            result.AddError($"{result.Option.Name}: {e.Message}");
        }
    }

    public static void Render(IAnsiConsole console, FunnelResult result, string? outFile = null)
    {
        var f = result.Funnel;
        var range = (f.From is null ? "" : $" from {f.From:yyyy-MM-dd HH:mm:ss}Z") + (f.AsOf is null ? "" : $" before {f.AsOf:yyyy-MM-dd HH:mm:ss}Z");
        console.MarkupLineInterpolated($"funnel {string.Join(" → ", f.StepNames)} within {ConversionWindow.Format(f.Window)}{range}");
        if (result.Entered == 0)
        {
            console.WriteLine("nobody entered the funnel (no first-step events in range)");
            return;
        }
        console.MarkupLineInterpolated($"{Screen.Number(result.Entered)} entered, {Screen.Number(result.Converted)} converted ({Percent(result.Conversion)}), median time to convert {Duration(result.MedianTimeToConvertSeconds)}");
        var table = new Table().AddColumns("step", "customers", "conversion", "from start", "drop-off", "median time", "mean time");
        foreach (var s in result.Steps)
            table.AddRow($"{s.Step}. {s.Name}", Screen.Number(s.Customers), s.Step == 1 ? "" : Percent(s.Conversion), Percent(s.ConversionFromStart),
                s.Step == 1 ? "" : $"{Screen.Number(s.DropOff)} ({Percent(s.DropOffRate)})", Duration(s.MedianTimeToStepSeconds), Duration(s.MeanTimeToStepSeconds));
        console.Write(table);
        if (result.Breakdown.Count > 0)
        {
            var split = new Table().AddColumn(f.By.ToString().ToLowerInvariant());
            foreach (var s in result.Steps) split.AddColumn(s.Name);
            split.AddColumns("conversion", "median time to convert");
            foreach (var g in result.Breakdown)
                split.AddRow([Markup.Escape(g.Value), .. g.Steps.Select(s => Screen.Number(s.Customers)), Percent(g.Conversion), Duration(g.MedianTimeToConvertSeconds)]);
            console.Write(split);
        }
        if (result.Correlations is { } c)
        {
            // The JSON has every kind's top signals; people get the strongest ten each way over all kinds.
            var signals = new[] { ("event", c.EventTypes), ("attribute", c.Attributes), ("category viewed", c.Categories) }
                .SelectMany(k => k.Item2.Select(s => (Kind: k.Item1, Signal: s))).ToList();
            var shown = signals.Where(x => x.Signal.TowardsConversion).OrderByDescending(x => x.Signal.OddsRatio).Take(10)
                .Concat(signals.Where(x => !x.Signal.TowardsConversion).OrderBy(x => x.Signal.OddsRatio).Take(10)).ToList();
            if (shown.Count > 0)
            {
                console.MarkupLineInterpolated($"correlation with converting ({Screen.Number(c.Converted)} converted, {Screen.Number(c.DroppedOff)} dropped off{(c.Skewed ? "; skewed, read with care" : "")}):");
                var corr = new Table().AddColumns("goes with", "kind", "signal", "converted", "dropped off", "odds ratio");
                foreach (var (kind, s) in shown)
                    corr.AddRow(s.TowardsConversion ? "converting" : "dropping off", kind, Markup.Escape(s.Name), Screen.Number(s.SuccessCount),
                        Screen.Number(s.FailureCount), s.OddsRatio.ToString("0.###", CultureInfo.InvariantCulture));
                console.Write(corr);
            }
        }
        if (outFile is not null) console.MarkupLineInterpolated($"wrote each customer's attempt to {outFile}");
    }

    static string Percent(double? share) => share is null ? "–" : (100 * share.Value).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    static string Duration(double? seconds)
    {
        if (seconds is null) return "–";
        var s = (long)Math.Round(seconds.Value);
        return s switch
        {
            < 60 => $"{s}s",
            < 3600 => $"{s / 60}m {s % 60}s",
            < 86400 => $"{s / 3600}h {s % 3600 / 60}m",
            _ => $"{s / 86400}d {s % 86400 / 3600}h",
        };
    }
}
