using System.CommandLine;
using ShopLens.Cli.Output;
using ShopLens.Core.Synthetic;

namespace ShopLens.Cli.Commands;

/// <summary><c>shoplens generate</c>: a synthetic shop with planted truth, as canonical files.</summary>
static class GenerateCommand
{
    public static Command Build()
    {
        var customers = new Option<int>("--customers") { Description = "Number of customers", DefaultValueFactory = _ => 5000 };
        var products = new Option<int>("--products") { Description = "Number of products", DefaultValueFactory = _ => 500 };
        var days = new Option<int>("--days") { Description = "Length of the simulated period in days", DefaultValueFactory = _ => 180 };
        var seed = CommonOptions.Seed();
        var output = new Option<string>("--out") { Description = "Folder for the files", DefaultValueFactory = _ => "shop" };
        var json = CommonOptions.Json();
        var command = new Command("generate", "Generate a synthetic shop (canonical CSV files, truth.json, truth_customers.csv)")
        {
            customers, products, days, seed, output, json,
        };
        command.SetAction(parse =>
        {
            var options = new ShopSimulatorOptions
            {
                Customers = parse.GetValue(customers),
                Products = parse.GetValue(products),
                Days = parse.GetValue(days),
                Seed = parse.GetValue(seed),
            };
            var summary = Screen.WithProgress("generating", tick =>
                ShopSimulator.Generate(options, parse.GetValue(output)!, new Progress<double>(f => tick(f, "generating"))));
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json)) Json.Write(stdout, ToJson(summary));
            else Render(stdout, summary);
            return 0;
        });
        return command;
    }

    public static object ToJson(SyntheticShopSummary s) => new
    {
        out_dir = s.Directory,
        customers = s.Customers,
        products = s.Products,
        events = s.Events,
        orders = s.Orders,
        order_lines = s.OrderLines,
        reviews = s.Reviews,
        elapsed_s = Math.Round(s.ElapsedSeconds, 3),
        files = s.Paths,
    };

    public static void Render(TextWriter stdout, SyntheticShopSummary s) =>
        stdout.WriteLine(
            $"generated {Screen.Number(s.Customers)} customers, {Screen.Number(s.Products)} products, {Screen.Number(s.Events)} events, " +
            $"{Screen.Number(s.Orders)} orders, {Screen.Number(s.Reviews)} reviews in {s.ElapsedSeconds:F1} s into {s.Directory}");
}
