using System.CommandLine;
using ShopLens.Cli.Commands;
using ShopLens.Core.Import;

namespace ShopLens.Cli;

/// <summary>The <c>shoplens</c> command: its verbs, and the exit codes of ../shared/CLI.md (0 ok, 1 failure, 2 usage).</summary>
public static class CliApp
{
    public static RootCommand Build()
    {
        var root = new RootCommand("ShopLens: customer insight and behaviour prediction for online shops")
        {
            ImportCommand.Build(),
            StatsCommand.Build(),
            ExportCommand.Build(),
            GenerateCommand.Build(),
            ProfileCommand.Build(),
            SegmentCommand.Build(),
            CohortsCommand.Build(),
            FunnelCommand.Build(),
            JourneyCommand.Build(),
            TrainCommand.Build(),
            EvaluateCommand.Build(),
            PredictCommand.Build(),
            RecsCommands.Recommend(),
            SimilarCommand.Build(),
            BoughtTogetherCommand.Build(),
            KeysCommand.Build(),
            ServeCommand.Build(),
            ReviewsCommands.Build(),
            DemoCommand.Build(),
        };
        root.Options.Add(CommonOptions.Verbose);
        return root;
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parse = Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) stderr.WriteLine($"shoplens: {e.Message}");
            stderr.WriteLine("shoplens: see 'shoplens --help'");
            return 2;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
#pragma warning disable CA1031 // every failure becomes exit code 1 with a one-line message (../shared/CLI.md)
        catch (Exception e)
#pragma warning restore CA1031
        {
            var expected = e is ImportException or IOException or ArgumentException or InvalidDataException or UnauthorizedAccessException
                or ShopLens.Insight.Predictions.InsufficientDataException or KeyNotFoundException
                or OperationCanceledException || e.GetType().Name == "DuckDBException";
            stderr.WriteLine($"shoplens: {(expected ? "" : $"internal error ({e.GetType().Name}): ")}{FirstLine(e.Message)}");
            if (parse.GetValue(CommonOptions.Verbose)) stderr.WriteLine(e);
            else if (!expected) stderr.WriteLine("shoplens: run again with --verbose for details, and please report it");
            return 1;
        }
    }

    static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
