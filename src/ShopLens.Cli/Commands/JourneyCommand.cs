using System.CommandLine;
using System.Globalization;
using ShopLens.Cli.Output;
using ShopLens.Core.Store;
using ShopLens.Insight.Journeys;
using Spectre.Console;

namespace ShopLens.Cli.Commands;

/// <summary><c>shoplens journey</c>: lifecycle stages as of a date, how customers moved between two dates, the common event paths.</summary>
static class JourneyCommand
{
    public static Command Build()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var asOf = new Option<string?>("--as-of") { Description = "Stages and paths as of this date (ISO 8601, UTC); default: --to, else the store's last moment" };
        var from = new Option<string?>("--from") { Description = "Start of the stage-transition matrix (with --to)" };
        var to = new Option<string?>("--to") { Description = "End of the stage-transition matrix (with --from)" };
        var stages = new Option<string?>("--stages") { Description = "JSON file overriding stage thresholds (docs/journeys.md)" };
        var paths = new Option<int>("--paths") { Description = "How many of the most common event paths to show", DefaultValueFactory = _ => 10 };
        var steps = new Option<int>("--steps") { Description = "Steps kept of each event path", DefaultValueFactory = _ => 5 };
        var output = new Option<string?>("--out") { Description = "Write customer_id,stage for every customer to FILE.csv" };
        var command = new Command("journey", "Lifecycle stages as of a date, the stage-transition matrix between two dates, the most common event paths")
        {
            db, asOf, from, to, stages, paths, steps, output, json,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(db)!;
            var definitions = parse.GetValue(stages) is { } file ? StageDefinitionsFile.Load(file) : new StageDefinitions();
            var start = CommonOptions.ParseTime(parse.GetValue(from), "--from");
            var end = CommonOptions.ParseTime(parse.GetValue(to), "--to");
            if ((start is null) != (end is null)) throw new ArgumentException("--from and --to go together");
            var cut = CommonOptions.ParseTime(parse.GetValue(asOf), "--as-of") ?? end;
            var pathOptions = new PathOptions { AsOf = cut, Top = parse.GetValue(paths), Steps = parse.GetValue(steps) };
            pathOptions.Validate();
            var outFile = parse.GetValue(output);
            if (outFile is not null && !outFile.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"{outFile}: journey writes .csv");

            using var store = CommonOptions.OpenStore(path);
            var counts = Lifecycle.Count(store, cut, definitions);
            var transitions = start is null ? null : Lifecycle.Transitions(store, start.Value, end!.Value, definitions);
            var report = EventPaths.Compute(store, pathOptions);
            if (outFile is not null)
            {
                using var writer = new StreamWriter(outFile);
                Lifecycle.WriteCsv(store, cut, definitions, writer);
            }
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json)) Json.Write(stdout, ToJson(cut, definitions, counts, transitions, report, outFile));
            else Render(Screen.For(stdout), cut, counts, transitions, report);
            return 0;
        });
        return command;
    }

    public static object ToJson(DateTime? asOf, StageDefinitions definitions, IReadOnlyDictionary<LifecycleStage, long> counts,
        StageTransitions? transitions, PathReport paths, string? outFile = null) => new
    {
        as_of = asOf,
        definitions = StageDefinitions.Keys.ToDictionary(k => k, k => definitions[k]),
        customers = counts.Values.Sum(),
        stages = LifecycleStages.All.ToDictionary(LifecycleStages.Name, s => counts[s]),
        transitions = transitions is null ? null : new
        {
            from = transitions.From,
            to = transitions.To,
            matrix = StageTransitions.Rows.ToDictionary(RowName, row => LifecycleStages.All.ToDictionary(LifecycleStages.Name, after => transitions[row, after])),
        },
        paths = new
        {
            steps = paths.Options.Steps,
            sessions = paths.Sessions,
            top = paths.Top.Select(p => PathJson(p, paths.Sessions)),
            purchase_sessions = paths.PurchaseSessions,
            to_purchase = paths.ToPurchase.Select(p => PathJson(p, paths.PurchaseSessions)),
        },
        out_file = outFile,
    };

    static object PathJson(EventPath path, long total) => new
    {
        path = path.Steps,
        truncated = path.Truncated,
        sessions = path.Sessions,
        share = total == 0 ? 0 : Math.Round((double)path.Sessions / total, 6),
    };

    static string RowName(LifecycleStage? stage) => stage is null ? "new" : LifecycleStages.Name(stage.Value);

    public static void Render(IAnsiConsole console, DateTime? asOf, IReadOnlyDictionary<LifecycleStage, long> counts,
        StageTransitions? transitions, PathReport paths)
    {
        var total = counts.Values.Sum();
        var stageTable = new Spectre.Console.Table().AddColumn($"stage{(asOf is null ? "" : $" as of {asOf:yyyy-MM-dd HH:mm}Z")}")
            .AddColumn(new TableColumn("customers").RightAligned()).AddColumn(new TableColumn("share").RightAligned());
        foreach (var stage in LifecycleStages.All)
            stageTable.AddRow(LifecycleStages.Name(stage), Screen.Number(counts[stage]), Percent(counts[stage], total));
        console.Write(stageTable);

        if (transitions is not null)
        {
            var matrix = new Spectre.Console.Table().AddColumn($"{transitions.From:yyyy-MM-dd} \\ {transitions.To:yyyy-MM-dd}");
            foreach (var after in LifecycleStages.All) matrix.AddColumn(new TableColumn(LifecycleStages.Name(after)).RightAligned());
            matrix.AddColumn(new TableColumn("total").RightAligned());
            foreach (var row in StageTransitions.Rows)
                matrix.AddRow([RowName(row), .. LifecycleStages.All.Select(after => Screen.Number(transitions[row, after])), Screen.Number(transitions.RowTotal(row))]);
            console.Write(matrix);
        }

        WritePaths(console, $"most common paths ({Screen.Number(paths.Sessions)} sessions)", paths.Top, paths.Sessions, toPurchase: false);
        WritePaths(console, $"paths to a purchase ({Screen.Number(paths.PurchaseSessions)} sessions)", paths.ToPurchase, paths.PurchaseSessions, toPurchase: true);
    }

    static void WritePaths(IAnsiConsole console, string title, IReadOnlyList<EventPath> paths, long total, bool toPurchase)
    {
        if (paths.Count == 0) return;
        var table = new Spectre.Console.Table().AddColumn(title).AddColumn(new TableColumn("sessions").RightAligned()).AddColumn(new TableColumn("share").RightAligned());
        foreach (var p in paths) table.AddRow(Markup.Escape(p.Describe(toPurchase)), Screen.Number(p.Sessions), Percent(p.Sessions, total));
        console.Write(table);
    }

    static string Percent(long part, long whole) => whole == 0 ? "" : (100.0 * part / whole).ToString("F1", CultureInfo.InvariantCulture) + "%";
}
