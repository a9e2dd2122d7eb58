using System.CommandLine;
using System.Globalization;
using ShopLens.Cli.Output;
using ShopLens.Server.Contracts;
using ShopLens.Core.Store;
using ShopLens.Insight.Cohorts;
using Spectre.Console;

namespace ShopLens.Cli.Commands;

/// <summary><c>shoplens cohorts</c>: the retention matrix by week or month of first purchase (or first sight).</summary>
static class CohortsCommand
{
    public static Command Build()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var period = Choice("--period", "Cohort and retention period: week (ISO, from Monday) or month", "month", "week");
        var metric = Choice("--metric", "What the matrix shows: customers (share of the cohort active) or revenue (revenue retention)", "customers", "revenue");
        var by = Choice("--by", "What starts a cohort: first-purchase (first kept order) or first-seen", "first-purchase", "first-seen");
        var asOf = new Option<string?>("--as-of") { Description = "Cut-off (ISO 8601, UTC): nothing at or after it counts; default: everything" };
        var output = new Option<string?>("--out") { Description = "Write the matrix in long form (one line per cohort and offset) to FILE.csv" };
        var command = new Command("cohorts", "Retention matrix by cohort of first purchase or first sight, with revenue retention")
        {
            db, period, metric, by, asOf, output, json,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(db)!;
            var outFile = parse.GetValue(output);
            if (outFile is not null && !outFile.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"{outFile}: cohorts writes .csv");
            var options = new CohortOptions
            {
                Period = parse.GetValue(period) == "week" ? CohortPeriod.Week : CohortPeriod.Month,
                By = parse.GetValue(by) == "first-seen" ? CohortBasis.FirstSeen : CohortBasis.FirstPurchase,
                AsOf = CommonOptions.ParseTime(parse.GetValue(asOf), "--as-of"),
            };
            var revenue = parse.GetValue(metric) == "revenue";
            using var store = CommonOptions.OpenStore(path);
            var matrix = CohortRetention.Compute(store, options);
            if (outFile is not null)
            {
                using var writer = new StreamWriter(outFile);
                matrix.WriteCsv(writer);
            }
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json)) Json.Write(stdout, CohortJson.Of(matrix, revenue, outFile));
            else Render(Screen.For(stdout), matrix, revenue);
            return 0;
        });
        return command;
    }

    // A usage error with a one-line message (AcceptOnlyFromAmong lists the choices over several lines).
    static Option<string> Choice(string name, string description, params string[] allowed)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => allowed[0] };
        option.CompletionSources.Add(allowed);
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!allowed.Contains(value)) result.AddError($"{name} must be {string.Join(" or ", allowed)}, not '{value}'");
        });
        return option;
    }

    public static void Render(IAnsiConsole console, RetentionMatrix matrix, bool revenue)
    {
        var unit = matrix.Options.Period == CohortPeriod.Week ? "week" : "month";
        var basis = matrix.Options.By == CohortBasis.FirstSeen ? "first seen" : "first purchase";
        if (matrix.Cohorts.Count == 0)
        {
            console.WriteLine($"no cohorts: no {(matrix.Options.By == CohortBasis.FirstSeen ? "customers seen" : "kept orders")} before the cut-off");
            return;
        }
        var table = new Spectre.Console.Table().AddColumn($"{unit} of {basis}").AddColumn(new TableColumn("customers").RightAligned());
        if (revenue) table.AddColumn(new TableColumn($"revenue {unit} 0").RightAligned());
        for (var k = 0; k < matrix.Offsets; k++) table.AddColumn(new TableColumn($"{unit[0]}{k}").RightAligned());
        foreach (var c in matrix.Cohorts)
        {
            var cells = new List<string> { c.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Screen.Number(c.Size) };
            if (revenue) cells.Add(c.Revenue[0].ToString("N0", CultureInfo.InvariantCulture));
            for (var k = 0; k < matrix.Offsets; k++)
            {
                var rate = k >= c.Customers.Count ? null : revenue ? c.RevenueRetention(k) : c.CustomerRate(k);
                var text = rate is null ? "" : (100 * rate.Value).ToString("F1", CultureInfo.InvariantCulture) + "%";
                cells.Add(k >= c.CompletePeriods && k < c.Customers.Count ? text + "*" : text);
            }
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }
        console.Write(table);
        console.WriteLine(revenue
            ? $"cells: the cohort's kept revenue in {unit} k as a share of its revenue in {unit} 0"
            : $"cells: share of the cohort with {(matrix.Options.By == CohortBasis.FirstSeen ? "any event or order" : "a kept order")} in {unit} k");
        if (!matrix.LastPeriodComplete) console.WriteLine($"* the {unit} from {matrix.LastPeriodStart:yyyy-MM-dd} is not over by the cut-off");
    }
}
