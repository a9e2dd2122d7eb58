using System.CommandLine;
using ShopLens.Cli.Output;
using ShopLens.Core.Store;

namespace ShopLens.Cli.Commands;

/// <summary><c>shoplens export</c>: a canonical table to Parquet or CSV, with the shop's own ids.</summary>
static class ExportCommand
{
    public static Command Build()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var table = new Option<string>("--table") { Description = "customers, products, events, orders, order_lines or reviews", Required = true };
        var output = new Option<string>("--out") { Description = "FILE.parquet, FILE.csv, FILE.jsonl or FILE.xlsx (exact: no formula guard, for importers)", Required = true };
        var command = new Command("export", "Write a canonical table to Parquet, CSV or JSON lines") { db, table, output, json };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(db)!;
            using var store = CommonOptions.OpenStore(path);
            var rows = TableExport.Export(store, parse.GetValue(table)!, parse.GetValue(output)!);
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json)) Json.Write(stdout, new { table = parse.GetValue(table), rows, out_file = parse.GetValue(output) });
            else stdout.WriteLine($"wrote {Screen.Number(rows)} rows to {parse.GetValue(output)}");
            return 0;
        });
        return command;
    }
}
