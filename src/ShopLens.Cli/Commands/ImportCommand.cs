using System.CommandLine;
using ShopLens.Cli.Output;
using ShopLens.Core.Import;
using ShopLens.Core.Import.Presets;
using ShopLens.Core.Store;
using Spectre.Console;

namespace ShopLens.Cli.Commands;

/// <summary><c>shoplens import</c>: files into the store, with every row accounted for.</summary>
static class ImportCommand
{
    public static Command Build()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var format = new Option<string?>("--format") { Description = $"A preset ({string.Join(", ", PresetCatalog.Names)}) or a file format (csv, tsv, jsonl, xlsx, parquet); default: canonical files by extension" };
        var table = new Option<string?>("--table") { Description = "The canonical table of canonical files (customers, products, events, orders, order_lines, reviews); default: from the file name or header" };
        var map = new Option<string?>("--map") { Description = "Rename source columns: user_id=customer_id,item_id=product_id" };
        var missing = new Option<string?>("--missing") { Description = "Missing values per column: price=median,quantity=drop (mean, median, mode, drop, keep)" };
        var outliers = new Option<OutlierRule>("--outliers") { Description = "Flag numeric outliers (kept, reported in the import report and an outliers file): iqr, zscore or none", DefaultValueFactory = _ => OutlierRule.None };
        var batchRows = new Option<int>("--batch-rows") { Description = "Rows per transaction", DefaultValueFactory = _ => 2_000_000 };
        var files = new Argument<string[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = "Files to import (.csv .tsv .jsonl .xlsx .parquet, optionally .gz)" };
        // An unknown option would otherwise be taken for a file name.
        files.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith("--", StringComparison.Ordinal)))
                result.AddError($"unknown option '{token.Value}'");
        });
        var command = new Command("import", "Import files into the store: validated, de-duplicated, each batch one transaction")
        {
            db, format, table, map, missing, outliers, batchRows, json, files,
        };
        command.SetAction(parse =>
        {
            var (preset, fileFormat) = SplitFormat(parse.GetValue(format));
            var request = new ImportRequest
            {
                Files = parse.GetValue(files)!.Select(f => new SourceFile(f, fileFormat)).ToArray(),
                Preset = preset,
                Table = parse.GetValue(table),
                Map = ImportRequest.ParseMap(parse.GetValue(map) ?? ""),
                Cleaning = new CleaningOptions
                {
                    Missing = CleaningOptions.ParseMissing(parse.GetValue(missing) ?? ""),
                    Outliers = parse.GetValue(outliers),
                },
                BatchRows = parse.GetValue(batchRows),
            };
            using var store = ShopStore.Open(parse.GetValue(db)!);
            var report = Screen.WithProgress("importing", tick =>
                store.Import(request, new Progress(tick)));
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json)) Json.Write(stdout, ToJson(report));
            else Render(Screen.For(stdout), report);
            return 0;
        });
        return command;
    }

    static (string? Preset, string? Format) SplitFormat(string? value) =>
        value is null ? (null, null)
        : SourceFormats.Names.Contains(value.ToLowerInvariant()) ? (null, value)
        : (value, null);

    public static object ToJson(ImportReport report)
    {
        var withRejects = report.Files.Where(f => f.RejectsFile is not null).ToArray();
        return new
        {
            read = report.Read,
            accepted = report.Accepted,
            rejected = report.Rejected,
            duplicates = report.Duplicates,
            by_reason = report.ByReason,
            rejects_file = withRejects.Length switch
            {
                0 => null,
                1 => withRejects[0].RejectsFile,
                _ => Path.GetDirectoryName(withRejects[0].RejectsFile),
            },
            elapsed_s = Math.Round(report.ElapsedSeconds, 3),
            files = report.Files,
        };
    }

    public static void Render(IAnsiConsole console, ImportReport report)
    {
        var t = new Spectre.Console.Table().AddColumns("file", "tables", "read", "accepted", "rejected", "duplicates", "seconds");
        foreach (var f in report.Files)
            t.AddRow(Markup.Escape(Path.GetFileName(f.File)), string.Join(", ", f.Tables), Screen.Number(f.Read), Screen.Number(f.Accepted),
                Screen.Number(f.Rejected), Screen.Number(f.Duplicates), f.ElapsedSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture));
        console.Write(t);
        foreach (var f in report.Files)
        {
            foreach (var (reason, n) in f.ByReason) console.MarkupLineInterpolated($"  rejected [yellow]{reason}[/]: {Screen.Number(n)}");
            if (f.RejectsFile is not null) console.MarkupLineInterpolated($"  rejects: {f.RejectsFile}");
            if (f.IgnoredColumns.Count > 0) console.MarkupLineInterpolated($"  columns not imported (no canonical name): {string.Join(", ", f.IgnoredColumns)}");
            foreach (var (column, n) in f.Filled) console.MarkupLineInterpolated($"  filled {Screen.Number(n)} missing {column}");
            foreach (var o in f.Outliers)
                console.MarkupLineInterpolated($"  outliers ({o.Rule}) in {o.Column}: {Screen.Number(o.Count)} outside [[{o.Low:G4}, {o.High:G4}]], kept; listed in {f.OutliersFile}");
        }
    }

    sealed class Progress(Action<double, string> tick) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) =>
            tick(value.TotalBytes is > 0 ? (double)value.Bytes / value.TotalBytes.Value : 0, $"{value.File}: {Screen.Number(value.Rows)} rows");
    }
}
