using System.CommandLine;
using System.Globalization;
using ShopLens.Cli.Output;
using ShopLens.Core.Store;
using ShopLens.Insight.Lifetime;
using Spectre.Console;

namespace ShopLens.Cli.Commands;

/// <summary>
/// <c>shoplens train clv</c> (fit the BTYD models and Gamma-Gamma; parameters by their literature names) and
/// <c>shoplens predict clv</c> (per customer P(alive), expected orders, spend, CLV and the next order).
/// </summary>
static class ClvCommands
{
    public static Command Train()
    {
        var (db, json, end, unit) = (CommonOptions.Db(), CommonOptions.Json(), CalibrationEnd(), Unit());
        var models = new Option<string>("--model") { Description = "bgnbd, mbgnbd, pareto, gamma_gamma or all", DefaultValueFactory = _ => "bgnbd,gamma_gamma" };
        var command = new Command("clv", "Fit the BTYD purchase models and Gamma-Gamma spend on the history up to the calibration end") { db, end, models, unit, json };
        command.SetAction(parse =>
        {
            using var store = Open(parse.GetValue(db)!);
            var calibration = CommonOptions.ParseTime(parse.GetValue(end), "--calibration-end") ?? Insight.Predictions.TaskFrame.DataEnd(store);
            var histories = PurchaseHistories.Load(store, calibration.Date, unit: parse.GetValue(unit) == "day" ? TimeUnit.Day : TimeUnit.Week);
            if (histories.Count == 0) throw new ArgumentException($"no customer bought before {calibration:yyyy-MM-dd}");
            var names = parse.GetValue(models) == "all" ? [.. RepeatPurchaseModels.Names, "gamma_gamma"]
                : parse.GetValue(models)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var fits = new Dictionary<string, object>();
            foreach (var name in names)
            {
                if (name == "gamma_gamma")
                {
                    var gg = RepeatPurchaseModels.FitSpend(histories);
                    fits[name] = new { p = gg.P, q = gg.Q, gamma = gg.Gamma, log_likelihood = gg.Fit.LogLikelihood, converged = gg.Fit.Converged, customers = gg.Fit.Customers };
                    continue;
                }
                var model = RepeatPurchaseModels.Fit(name, histories);
                var entry = model.Parameters.ToDictionary(p => p.Key, p => (object)p.Value);
                entry["log_likelihood"] = model.LogLikelihood;
                entry["converged"] = model.Converged;
                fits[name] = entry;
            }
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json)) Json.Write(stdout, fits);
            else
            {
                stdout.WriteLine($"{histories.Count:N0} buyers up to {histories.CalibrationEnd:yyyy-MM-dd}, times in {(histories.Unit == TimeUnit.Week ? "weeks" : "days")}");
                foreach (var (name, fit) in fits) stdout.WriteLine($"{name}: {System.Text.Json.JsonSerializer.Serialize(fit, Json.Options)}");
            }
            return 0;
        });
        return command;
    }

    public static Command Predict()
    {
        var (db, json, end) = (CommonOptions.Db(), CommonOptions.Json(), CalibrationEnd());
        var model = new Option<string>("--model") { Description = "The purchase model: bgnbd, mbgnbd or pareto", DefaultValueFactory = _ => "bgnbd" };
        var horizon = new Option<string>("--horizon") { Description = "Forecast horizon: 26w, 182d …", DefaultValueFactory = _ => "26w" };
        var margin = new Option<double>("--margin") { Description = "Share of revenue that is profit", DefaultValueFactory = _ => 1.0 };
        var discount = new Option<double>("--discount-rate") { Description = "Yearly discount rate", DefaultValueFactory = _ => 0.1 };
        var customer = new Option<string?>("--customer") { Description = "Only this customer id" };
        var top = new Option<int>("--top") { Description = "How many of the most valuable customers to list", DefaultValueFactory = _ => 20 };
        var command = new Command("clv", "Per customer: P(alive), expected orders and spend, CLV over the horizon, and the expected date of the next order")
        {
            db, end, model, horizon, margin, discount, customer, top, json,
        };
        command.SetAction(parse =>
        {
            using var store = Open(parse.GetValue(db)!);
            var options = new ClvOptions { HorizonDays = CommonOptions.ParseDays(parse.GetValue(horizon)!, "--horizon"), Margin = parse.GetValue(margin), AnnualDiscountRate = parse.GetValue(discount) };
            var result = ClvScoring.Run(store, parse.GetValue(model)!, CommonOptions.ParseTime(parse.GetValue(end), "--calibration-end"), options);
            var f = result.Forecast;
            var ids = new Dictionary<int, string>();
            using (var reader = store.Query("SELECT customer_key, customer_id FROM customers"))
                while (reader.Read()) ids[reader.GetInt32(0)] = reader.GetString(1);
            IEnumerable<int> rows = Enumerable.Range(0, f.CustomerKeys.Length).OrderByDescending(i => f.Clv[i]).ThenBy(i => f.CustomerKeys[i]);
            if (parse.GetValue(customer) is { } id)
            {
                rows = rows.Where(i => ids[f.CustomerKeys[i]] == id).ToArray();
                if (!rows.Any()) throw new KeyNotFoundException($"customer '{id}' has no kept order before {result.Histories.CalibrationEnd:yyyy-MM-dd}");
            }
            else rows = rows.Take(Math.Max(1, parse.GetValue(top)));
            var customers = rows.Select(i => new
            {
                customer_id = ids[f.CustomerKeys[i]],
                p_alive = f.ProbabilityAlive[i],
                expected_orders = f.ExpectedOrders[i],
                p_order = f.ProbabilityOfOrder[i],
                spend_per_order = f.SpendPerOrder[i],
                clv = f.Clv[i],
                next_order = f.NextOrders[i].Expected,
                next_order_low = f.NextOrders[i].Low,
                next_order_high = f.NextOrders[i].High,
                next_order_status = f.NextOrders[i].Status,
            }).ToArray();
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                Json.Write(stdout, new { model = result.Model.Name, calibration_end = result.Histories.CalibrationEnd, horizon_days = options.HorizonDays, customers });
                return 0;
            }
            var table = new Table().AddColumn("customer").AddColumn(new TableColumn("P(alive)").RightAligned()).AddColumn(new TableColumn("orders").RightAligned())
                .AddColumn(new TableColumn("spend/order").RightAligned()).AddColumn(new TableColumn("CLV").RightAligned()).AddColumn("next order");
            foreach (var c in customers)
                table.AddRow(Markup.Escape(c.customer_id), F(c.p_alive, 3), F(c.expected_orders, 2), F(c.spend_per_order, 2), F(c.clv, 2),
                    c.next_order is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : c.next_order_status.Replace('_', ' '));
            Screen.For(stdout).Write(table);
            stdout.WriteLine($"{result.Model.Name} and Gamma-Gamma fitted on {result.Histories.Count:N0} buyers up to {result.Histories.CalibrationEnd:yyyy-MM-dd}; horizon {options.HorizonDays} days");
            return 0;
        });
        return command;
    }

    static Option<string?> CalibrationEnd() => new("--calibration-end") { Description = "Last day of the history the models see (ISO 8601); default: the data end" };

    static Option<string> Unit() => new("--time-unit") { Description = "Unit of recency and age: week (the literature's) or day", DefaultValueFactory = _ => "week" };

    static ShopStore Open(string path) =>
        File.Exists(path) ? ShopStore.Open(path) : throw new IOException($"{path}: no such store (import something first, or pass --db)");

    static string F(double value, int digits) => value.ToString("N" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
