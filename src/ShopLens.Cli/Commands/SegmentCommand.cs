using System.CommandLine;
using System.Globalization;
using ShopLens.Cli.Output;
using ShopLens.Server.Contracts;
using ShopLens.Core.Store;
using ShopLens.Insight.Segments;
using ShopLens.Insight.Segments.Rules;
using Spectre.Console;

namespace ShopLens.Cli.Commands;

/// <summary><c>shoplens segment</c>: customers into segments as of a cut-off, saved in the store's <c>segments</c> table (docs/segments.md).</summary>
static class SegmentCommand
{
    static readonly string[] Methods = [RfmSegmentation.Method, ClusterSegmentation.Method, RuleSegmentation.Method];

    public static Command Build()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var method = new Option<string>("--method")
        {
            Description = "rfm: the named RFM segments of buyers; kmeans: clusters of profile features, k by silhouette; rules: tags from --rules FILE",
            DefaultValueFactory = _ => RfmSegmentation.Method,
        };
        method.AcceptOnlyFromAmong(Methods);
        var rules = new Option<string?>("--rules") { Description = "Tag rules, a .json or .yaml file (for --method rules)" };
        var asOf = new Option<string?>("--as-of") { Description = "Cut-off (ISO 8601, UTC): only what came strictly before it counts; default: everything" };
        var output = new Option<string?>("--out") { Description = "Write every customer's segment to FILE.csv, .parquet, .jsonl or .xlsx" };
        var clusters = new Option<string>("--k")
        {
            Description = "kmeans: the number of clusters, or a range MIN-MAX to choose from by silhouette",
            DefaultValueFactory = _ => "2-10",
        };
        var features = new Option<string?>("--features") { Description = "kmeans: profile columns to cluster on, comma-separated (default: docs/segments.md)" };
        var seed = CommonOptions.Seed();
        var command = new Command("segment", "Segments customers (RFM, rule tags) as of a cut-off and saves them in the store") { db, method, rules, asOf, output, clusters, features, seed, json };
        command.Validators.Add(result =>
        {
            // The raw token: an unknown method is the option's own error, and converting it here would throw.
            var rulesMethod = result.GetResult(method)?.Tokens.FirstOrDefault()?.Value == RuleSegmentation.Method;
            if (rulesMethod && result.GetValue(rules) is null) result.AddError("--method rules needs --rules FILE");
            if (!rulesMethod && result.GetValue(rules) is not null) result.AddError("--rules is only for --method rules");
        });
        command.SetAction(parse =>
        {
            var path = parse.GetValue(db)!;
            var cut = CommonOptions.ParseTime(parse.GetValue(asOf), "--as-of");
            var chosen = parse.GetValue(method)!;
            // A bad rules file is reported before the store is touched.
            var ruleSet = chosen == RuleSegmentation.Method ? RuleSet.Load(parse.GetValue(rules)!) : null;
            using var store = CommonOptions.OpenStore(path);
            ClusterSegmentationResult? clustered = null;
            var result = chosen switch
            {
                RfmSegmentation.Method => RfmSegmentation.Run(store, cut),
                ClusterSegmentation.Method => Cluster(store, cut, ClusterOptionsOf(parse.GetValue(clusters)!, parse.GetValue(features), parse.GetValue(seed)), out clustered),
                RuleSegmentation.Method => RuleSegmentation.Run(store, ruleSet!, cut),
                _ => throw new ArgumentException($"--method {chosen} is not one of {string.Join(", ", Methods)}"),
            };
            var outFile = parse.GetValue(output);
            long? written = outFile is null ? null : SegmentExport.Write(store, result, outFile);
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json)) Json.Write(stdout, SegmentationJson.Of(result, outFile, clustered));
            else Render(Screen.For(stdout), result, outFile, written);
            return 0;
        });
        return command;
    }

    /// <summary>Clusters customers, saves the memberships and summarises them like every other method.</summary>
    public static Segmentation Cluster(ShopStore store, DateTime? asOf, ClusterOptions options, out ClusterSegmentationResult clustered)
    {
        clustered = ClusterSegmentation.Run(store, asOf, options);
        SavedSegments.Save(store, ClusterSegmentation.Method, asOf, clustered.CustomerKeys.ToArray(), clustered.SegmentOfEach);
        return SavedSegments.Summarize(store, ClusterSegmentation.Method, asOf,
            [.. clustered.Clusters.Select(c => new SegmentDefinition(c.Name, c.Description))]);
    }

    static ClusterOptions ClusterOptionsOf(string k, string? features, int seed)
    {
        var parts = k.Split('-', 2, StringSplitOptions.TrimEntries);
        if (!parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1))
            throw new ArgumentException($"--k '{k}' is not a number of clusters or a range such as 2-10");
        var min = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var max = int.Parse(parts[^1], CultureInfo.InvariantCulture);
        if (min > max) throw new ArgumentException($"--k '{k}': the range runs from the smaller number to the larger");
        var options = new ClusterOptions { MinClusters = min, MaxClusters = max, Seed = seed };
        return features is null ? options
            : options with { Features = features.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) };
    }

    /// <summary>What k-means adds to a segmentation: the features, every k tried, and each cluster's centre and traits.</summary>
    public static void Render(IAnsiConsole console, Segmentation result, string? outFile = null, long? written = null)
    {
        var cut = result.AsOf is null ? "" : $" as of {result.AsOf:yyyy-MM-dd HH:mm:ss}Z";
        console.WriteLine($"{Screen.Number(result.Customers)} customers in {result.Segments.Count(s => s.Customers > 0)} {result.Method} segments{cut}, saved in the store");
        var table = new Spectre.Console.Table().AddColumns("segment", "customers", "share", "revenue share", "mean R/F/M", "rule");
        foreach (var s in result.Segments)
        {
            var means = s.MeanR is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{s.MeanR:F1} / {s.MeanF:F1} / {s.MeanM:F1}");
            table.AddRow(Markup.Escape(s.Name), Screen.Number(s.Customers), Percent(s.Share), Percent(s.RevenueShare), means, Markup.Escape(s.Rule));
        }
        console.Write(table);
        if (written is not null) console.WriteLine($"wrote {Screen.Number(written.Value)} rows to {outFile}");
    }

    static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{100 * share:F1}%");

}
