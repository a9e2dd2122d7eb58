using System.CommandLine;
using ShopLens.Cli.Output;
using ShopLens.Core.Store;
using ShopLens.Insight.Overview;
using Spectre.Console;

namespace ShopLens.Cli.Commands;

/// <summary><c>shoplens stats</c>: what the store holds.</summary>
static class StatsCommand
{
    public static Command Build()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("stats", "Counts, time range, event mix and top categories of the store") { db, json };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(db)!;
            using var store = CommonOptions.OpenStore(path);
            var stats = StoreStatistics.Of(store);
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json)) Json.Write(stdout, stats);
            else Render(Screen.For(stdout), stats);
            return 0;
        });
        return command;
    }

    public static void Render(IAnsiConsole console, StoreStatistics s)
    {
        var counts = new Spectre.Console.Table().AddColumns("table", "rows");
        counts.AddRow("customers", Screen.Number(s.Customers));
        counts.AddRow("products", Screen.Number(s.Products));
        counts.AddRow("events", Screen.Number(s.Events));
        counts.AddRow("orders", Screen.Number(s.Orders));
        counts.AddRow("order_lines", Screen.Number(s.OrderLines));
        counts.AddRow("reviews", Screen.Number(s.Reviews));
        console.Write(counts);
        console.MarkupLineInterpolated($"time range: {s.FirstTime:yyyy-MM-dd HH:mm} to {s.LastTime:yyyy-MM-dd HH:mm} UTC");
        var mix = new Spectre.Console.Table().AddColumns("event type", "events", "share");
        foreach (var (type, n) in s.EventsByType.Where(kv => kv.Value > 0))
            mix.AddRow(type, Screen.Number(n), $"{100.0 * n / Math.Max(1, s.Events):F1}%");
        if (s.Events > 0) console.Write(mix);
        if (s.TopCategories.Count > 0)
        {
            var cats = new Spectre.Console.Table().AddColumns("top category", "events");
            foreach (var c in s.TopCategories) cats.AddRow(Markup.Escape(c.Category), Screen.Number(c.Events));
            console.Write(cats);
        }
    }
}
