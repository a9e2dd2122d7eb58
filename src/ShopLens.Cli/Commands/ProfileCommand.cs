using System.CommandLine;
using ShopLens.Cli.Output;
using ShopLens.Core.Store;
using ShopLens.Insight.Features;

namespace ShopLens.Cli.Commands;

/// <summary><c>shoplens profile</c>: the customer profile as of a cut-off (docs/features.md).</summary>
static class ProfileCommand
{
    public static Command Build()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var asOf = new Option<string?>("--as-of") { Description = "Cut-off (ISO 8601, UTC): only events strictly before it count; default: every event" };
        var output = new Option<string?>("--out") { Description = "Write every customer's features to FILE.csv, .parquet, .jsonl or .xlsx" };
        var command = new Command("profile", "The customer profile (RFM, rhythm, funnel rates, affinities, …) as of a cut-off") { db, asOf, output, json };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(db)!;
            var cut = CommonOptions.ParseTime(parse.GetValue(asOf), "--as-of");
            using var store = CommonOptions.OpenStore(path);
            var outFile = parse.GetValue(output);
            var table = CustomerProfile.Materialize(store, cut);
            long? written = outFile is null ? null : CustomerProfile.Export(store, table, outFile);
            var summary = ProfileSummary.Of(store, table);
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                Json.Write(stdout, new
                {
                    as_of = cut,
                    customers = summary.Customers,
                    buyers = summary.Buyers,
                    revenue = Math.Round(summary.Revenue, 2),
                    median_recency_days = Math.Round(summary.MedianRecencyDays, 2),
                    mean_events = Math.Round(summary.MeanEvents, 2),
                    out_file = outFile,
                    median_tenure_days = Math.Round(summary.MedianTenureDays, 2),
                    columns = CustomerProfile.Columns.Where(c => c != "customer_key"),
                });
            }
            else
            {
                stdout.WriteLine($"{Screen.Number(summary.Customers)} customers profiled{(cut is null ? "" : $" as of {cut:yyyy-MM-dd HH:mm:ss}Z")}: " +
                    $"{Screen.Number(summary.Buyers)} buyers, revenue {summary.Revenue:N2}, median recency {summary.MedianRecencyDays:F1} days");
                if (written is not null) stdout.WriteLine($"wrote {Screen.Number(written.Value)} rows to {outFile}");
            }
            return 0;
        });
        return command;
    }
}
