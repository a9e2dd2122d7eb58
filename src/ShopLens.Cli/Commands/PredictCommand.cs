using System.CommandLine;
using System.Globalization;
using ShopLens.Cli.Output;
using ShopLens.Core.Store;
using ShopLens.Insight.Predictions;
using Spectre.Console;

namespace ShopLens.Cli.Commands;

/// <summary><c>shoplens predict propensity|churn</c>: scores from the saved model, with deciles and the reasons each way.</summary>
static class PredictCommand
{
    public static Command Build()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var task = new TaskArguments();
        var asOf = new Option<string?>("--as-of") { Description = "Score as of this moment (ISO 8601, UTC); default: the end of the data" };
        var customer = new Option<string?>("--customer") { Description = "Only this customer id" };
        var top = new Option<int>("--top") { Description = "How many of the most likely customers to list", DefaultValueFactory = _ => 20 };
        var command = new Command("predict", "Score customers with a saved model: probability, decile, and the features pushing each score up or down")
        {
            db, asOf, customer, top, json,
        };
        task.AddTo(command);
        command.Subcommands.Add(ClvCommands.Predict());
        command.Subcommands.Add(SequenceCommands.PredictNext());
        command.SetAction(parse =>
        {
            var path = parse.GetValue(db)!;
            if (parse.GetValue(top) < 1) throw new ArgumentException($"--top must be at least 1 (got {parse.GetValue(top)})");
            var definition = task.Read(parse);
            using var store = CommonOptions.OpenStore(path);
            var scores = CustomerPredictions.Score(store, definition, CommonOptions.ParseTime(parse.GetValue(asOf), "--as-of"),
                parse.GetValue(customer), parse.GetValue(top));
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json)) Json.Write(stdout, new { task = definition.Name, customers = scores });
            else Render(Screen.For(stdout), scores);
            return 0;
        });
        return command;
    }

    static void Render(IAnsiConsole console, IReadOnlyList<CustomerPrediction> scores)
    {
        var table = new Table().AddColumn("customer").AddColumn(new TableColumn("probability").RightAligned())
            .AddColumn(new TableColumn("decile").RightAligned()).AddColumn("pushes up").AddColumn("pushes down");
        foreach (var s in scores)
            table.AddRow(Markup.Escape(s.CustomerId), s.Probability.ToString("F3", CultureInfo.InvariantCulture),
                s.Decile.ToString(CultureInfo.InvariantCulture), Markup.Escape(Reasons(s.Up)), Markup.Escape(Reasons(s.Down)));
        console.Write(table);
    }

    static string Reasons(IReadOnlyList<Reason> reasons) => string.Join("; ", reasons.Select(r =>
        $"{r.Feature}={(r.Value is { } v ? v.ToString("G4", CultureInfo.InvariantCulture) : "none")} ({r.LogOdds.ToString("+0.00;-0.00", CultureInfo.InvariantCulture)})"));
}
