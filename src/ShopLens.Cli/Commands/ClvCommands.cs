using System.CommandLine;
using System.Globalization;
using ShopLens.Cli.Output;
using ShopLens.Core.Store;
using ShopLens.Insight.Lifetime;
using Spectre.Console;

namespace ShopLens.Cli.Commands;

/// <summary>
/// <c>shoplens train clv</c> (fit the value models, save their summaries and per-customer forecasts in the store; BTYD
/// parameters by their literature names) and <c>shoplens predict clv</c> (list what a saved model forecast: P(alive),
/// expected orders and spend, CLV, the next order, intervals where the model gives them).
/// </summary>
static class ClvCommands
{
    public static Command Train()
    {
        var (db, json, end, unit) = (CommonOptions.Db(), CommonOptions.Json(), CalibrationEnd(), Unit());
        var models = new Option<string>("--model")
        {
            Description = $"Comma-separated: {string.Join(", ", ClvTraining.AllModels)}, or all",
            DefaultValueFactory = _ => "bgnbd,gamma_gamma",
        };
        var horizon = new Option<string>("--horizon") { Description = "Forecast horizon: 26w, 182d …", DefaultValueFactory = _ => "26w" };
        var margin = new Option<double>("--margin") { Description = "Share of revenue that is profit", DefaultValueFactory = _ => 1.0 };
        var discount = new Option<double>("--discount-rate") { Description = "Yearly discount rate", DefaultValueFactory = _ => 0.1 };
        var command = new Command("clv", "Fit customer value models on the history up to the calibration end and save each buyer's forecast")
        {
            db, end, models, unit, horizon, margin, discount, json,
        };
        command.SetAction(parse =>
        {
            using var store = CommonOptions.OpenStore(parse.GetValue(db)!);
            var names = parse.GetValue(models) == "all" ? ClvTraining.AllModels
                : parse.GetValue(models)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var options = new ClvOptions
            {
                HorizonDays = CommonOptions.ParseDays(parse.GetValue(horizon)!, "--horizon"),
                Margin = parse.GetValue(margin),
                AnnualDiscountRate = parse.GetValue(discount),
            };
            var unitName = parse.GetValue(unit);
            if (unitName is not ("week" or "day")) throw new ArgumentException($"--time-unit '{unitName}': use week or day");
            var result = ClvTraining.Run(store, names, CommonOptions.ParseTime(parse.GetValue(end), "--calibration-end"),
                unitName == "day" ? TimeUnit.Day : TimeUnit.Week, options);
            SavedCustomerValue.Save(store, result);
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                Json.Write(stdout, result.Summaries);
                return 0;
            }
            Render(stdout, result);
            return 0;
        });
        return command;
    }

    /// <summary>What <c>train clv</c> fitted, one line per model, and where to look next.</summary>
    public static void Render(TextWriter stdout, ClvTraining.Result result)
    {
        stdout.WriteLine($"customer value: {result.Buyers:N0} buyers up to {result.CalibrationEnd:yyyy-MM-dd}, times in {(result.Unit == TimeUnit.Week ? "weeks" : "days")}; " +
            $"forecasts over the next {result.Options.HorizonDays} days saved in the store");
        foreach (var (name, summary) in result.Summaries) stdout.WriteLine($"  {name}: {Describe(summary)}");
        stdout.WriteLine("  `shoplens predict clv --model NAME` lists the most valuable customers");
    }

    public static Command Predict()
    {
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var model = new Option<string?>("--model") { Description = "A model saved by `train clv` (default: bgnbd if saved, else the first)" };
        var customer = new Option<string?>("--customer") { Description = "Only this customer id" };
        var top = new Option<int>("--top") { Description = "How many of the most valuable customers to list", DefaultValueFactory = _ => 20 };
        var command = new Command("clv", "Per customer, from a model saved by `train clv`: P(alive), expected orders and spend, CLV and the expected date of the next order")
        {
            db, model, customer, top, json,
        };
        command.SetAction(parse =>
        {
            using var store = CommonOptions.OpenStore(parse.GetValue(db)!);
            var saved = SavedCustomerValue.Models(store).Where(m => m.Model != ClvTraining.GammaGamma).ToArray();
            if (saved.Length == 0) throw new KeyNotFoundException("no saved customer value model: run `shoplens train clv` first");
            var name = parse.GetValue(model) ?? (saved.Any(m => m.Model == "bgnbd") ? "bgnbd" : saved[0].Model);
            var info = saved.FirstOrDefault(m => m.Model == name)
                ?? throw new KeyNotFoundException($"no saved customer values of '{name}' (saved: {string.Join(", ", saved.Select(m => m.Model))}): run `shoplens train clv --model {name}` first");
            var v = SavedCustomerValue.Load(store, name);
            var ids = new Dictionary<int, string>();
            using (var reader = store.Query("SELECT customer_key, customer_id FROM customers"))
                while (reader.Read()) ids[reader.GetInt32(0)] = reader.GetString(1);
            IEnumerable<int> rows = Enumerable.Range(0, v.Count).OrderByDescending(i => v.Clv[i]).ThenBy(i => v.CustomerKeys[i]);
            if (parse.GetValue(customer) is { } id)
            {
                rows = rows.Where(i => ids[v.CustomerKeys[i]] == id).ToArray();
                if (!rows.Any()) throw new KeyNotFoundException($"customer '{id}' has no kept order before {info.CalibrationEnd:yyyy-MM-dd}");
            }
            else rows = rows.Take(Math.Max(1, parse.GetValue(top)));
            var customers = rows.Select(i => new
            {
                customer_id = ids[v.CustomerKeys[i]],
                p_alive = v.ProbabilityAlive?[i],
                expected_orders = v.ExpectedOrders?[i],
                p_order = v.ProbabilityOfOrder?[i],
                spend_per_order = v.SpendPerOrder?[i],
                expected_spend = v.ExpectedSpend[i],
                spend_low = v.SpendLow?[i],
                spend_high = v.SpendHigh?[i],
                clv = v.Clv[i],
                next_order = v.NextOrders?[i].Expected,
                next_order_low = v.NextOrders?[i].Low,
                next_order_high = v.NextOrders?[i].High,
                next_order_status = v.NextOrders?[i].Status,
            }).ToArray();
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                Json.Write(stdout, new { model = name, calibration_end = info.CalibrationEnd, horizon_days = info.HorizonDays, trained_at = info.CreatedAt, customers });
                return 0;
            }
            var table = new Table().AddColumn("customer").AddColumn(new TableColumn("P(alive)").RightAligned()).AddColumn(new TableColumn("P(order)").RightAligned())
                .AddColumn(new TableColumn("orders").RightAligned()).AddColumn(new TableColumn("spend").RightAligned())
                .AddColumn(new TableColumn("80% interval").RightAligned()).AddColumn(new TableColumn("CLV").RightAligned()).AddColumn("next order");
            foreach (var c in customers)
                table.AddRow(Markup.Escape(c.customer_id), F(c.p_alive, 3), F(c.p_order, 3), F(c.expected_orders, 2), F(c.expected_spend, 2),
                    c.spend_low is { } low ? $"{F(low, 0)}–{F(c.spend_high, 0)}" : "", F(c.clv, 2),
                    c.next_order is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : c.next_order_status?.Replace('_', ' ') ?? "");
            Screen.For(stdout).Write(table);
            stdout.WriteLine($"{name}, fitted {info.CreatedAt:yyyy-MM-dd HH:mm} UTC on the history up to {info.CalibrationEnd:yyyy-MM-dd}; horizon {info.HorizonDays} days");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// "r 0.243 ± 0.013, alpha 4.41 ± 0.38 …; log-likelihood −9,582.43, converged" for a fitted model; "2,357 customers,
    /// predicted total 27,489 (trained on …)" for a learned one.
    /// </summary>
    static string Describe(IReadOnlyDictionary<string, object?> summary)
    {
        if (!summary.TryGetValue("log_likelihood", out var ll))
            return FormattableString.Invariant($"{summary["customers"]:N0} customers, predicted total {summary["predicted_total"]:N0} (trained on {summary["trained_on"]})");
        var errors = (IReadOnlyDictionary<string, double?>)summary["standard_errors"]!;
        var parameters = errors.Select(e => FormattableString.Invariant($"{e.Key} {summary[e.Key]:G4}") + (e.Value is { } se ? FormattableString.Invariant($" ± {se:G2}") : ""));
        var converged = (bool)summary["converged"]! ? "converged" : "DID NOT CONVERGE";
        var warning = summary.TryGetValue("warning", out var w) ? $" ({w})" : "";
        return FormattableString.Invariant($"{string.Join(", ", parameters)}; log-likelihood {ll:N2}, {converged}{warning}");
    }

    static Option<string?> CalibrationEnd() => new("--calibration-end") { Description = "Last day of the history the models see (ISO 8601); default: the data end" };

    static Option<string> Unit() => new("--time-unit") { Description = "Unit of recency and age: week (the literature's) or day", DefaultValueFactory = _ => "week" };


    static string F(double? value, int digits) => value?.ToString("N" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) ?? "";
}
